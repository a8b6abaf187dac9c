#!/usr/bin/python3
# 30-migrate: migrations are numbered, applied once each, in order, each
# in one transaction, and recorded; a failing one leaves nothing behind.
import os, sys, subprocess, tempfile, shutil
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

t = Tap()
E = os.environ
src = E["SHINDAN_SRC"]
admin = os.path.join(E["SHINDAN_BIN"], "shindan-admin")
files = sorted(f for f in os.listdir(os.path.join(src, "sql")) if f.endswith(".sql"))
t.ok(len(files) >= 1, "sql/ holds migrations")
t.ok(all(re.match(r"^\d{3}_[a-z0-9_]+\.sql$", f) for f in files), "named NNN_what.sql")
rows = psql("SELECT version, name FROM schema_migration ORDER BY version")
t.is_([r[1] for r in rows], files, "the test stack applied every one, in order")

def admin_run(conf, *args):
    return subprocess.run([admin, "-c", conf] + list(args), capture_output=True, text=True)

r = admin_run(E["SHINDAN_CONF"], "migrate")
t.is_(r.returncode, 0, "migrate again succeeds")
t.unlike(r.stderr, "applied", "and applies nothing")
t.is_(psql1("SELECT count(*) FROM schema_migration"), str(len(files)), "nothing recorded twice")

# A scratch database for a broken migration.
db = "scratch_migrate_%d" % os.getpid()
psql("CREATE DATABASE " + db)
tmp = tempfile.mkdtemp()
try:
    conf = os.path.join(tmp, "shindan.conf")
    with open(E["SHINDAN_CONF"]) as f:
        text = f.read().replace("dbname=shindan", "dbname=" + db)
    with open(conf, "w") as f:
        f.write(text)
    sqldir = os.path.join(tmp, "sql")
    os.mkdir(sqldir)
    with open(os.path.join(sqldir, "001_one.sql"), "w") as f:
        f.write("CREATE TABLE one (x int);\n-- a comment; with a semicolon\n"
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n")
    with open(os.path.join(sqldir, "002_two.sql"), "w") as f:
        f.write("CREATE TABLE two (x int);\nINSERT INTO two VALUES (1);\nSELECT * FROM nosuch;\n")
    r = admin_run(conf, "migrate", "-d", sqldir)
    t.ok(r.returncode != 0, "a failing migration fails the command")
    t.like(r.stderr, "002_two.sql", "naming the file")
    q = lambda sql: subprocess.run([E["SHINDAN_PSQL"], E["SHINDAN_DB"].replace("dbname=shindan", "dbname=" + db),
                                    "-tAc", sql], capture_output=True, text=True).stdout.strip()
    t.is_(q("SELECT string_agg(name, ',' ORDER BY version) FROM schema_migration"), "001_one.sql",
          "the good one is recorded, the bad one not")
    t.is_(q("SELECT count(*) FROM pg_tables WHERE tablename = 'two'"), "0", "the bad one left nothing")
    t.is_(q("SELECT f()"), "1", "$$ bodies with semicolons are kept whole")
    with open(os.path.join(sqldir, "002_two.sql"), "w") as f:
        f.write("CREATE TABLE two (x int);\n")
    r = admin_run(conf, "migrate", "-d", sqldir)
    t.is_(r.returncode, 0, "once fixed, it applies")
    t.is_(q("SELECT count(*) FROM schema_migration"), "2", "and is recorded")
finally:
    shutil.rmtree(tmp)
    psql("DROP DATABASE " + db)
t.done()
