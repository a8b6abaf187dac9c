#!/usr/bin/python3
# 29-detect-adapters: the same mail judged through the engine's two
# adapters, as MIME (shindan-scan) and as the Graph message resource with
# its attachments (shindan-scan --graph, what the runner reads), gets the
# same verdict, score and rules.  Each hand-written sample is converted by
# tools/eml2graph; Graph carries one alternative of a multipart/
# alternative (the HTML one), so the MIME side is the sample cut down to
# it.  Then --graph's own handling of what it is given: a listing's page,
# a message without its attachments, a file that is not JSON.
import json, os, subprocess, sys, tempfile
sys.path.insert(0, os.path.join(os.environ["SHINDAN_SRC"], "tests/lib"))
from shindan_test import *

SRC = ENV["SHINDAN_SRC"]
SCAN = [ENV["SHINDAN_BIN"] + "/shindan-scan", "--own-domain", "contoso.com",
        "--correspondent", "fabrikam.com", "--person", "John Smith"]
DATA = os.path.join(SRC, "tests/detect/data")

t = Tap()
tmp = tempfile.mkdtemp(prefix="adapters.")


def scan(args):
    r = subprocess.run(SCAN + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return (r.returncode, [json.loads(l) for l in r.stdout.splitlines()],
            r.stderr.decode("utf-8", "replace"))


def key(r):
    return (r["verdict"], r["score"],
            sorted(set(f["rule"] for f in r["findings"])))


def name(r):
    return os.path.basename(r["source"]).rsplit(".", 1)[0]


r = subprocess.run([os.path.join(SRC, "tools/eml2graph"), "--each", DATA,
                    tmp])
t.is_(r.returncode, 0, "tools/eml2graph converts every sample")
samples = sorted(f[:-4] for f in os.listdir(DATA) if f.endswith(".eml"))
# Broken MIME: what Exchange stores of a multipart whose boundary is
# wrong is Exchange's to decide, and eml2graph (Python's parser) finds
# no part in it; the MIME adapter reads it both ways (test 21).
MIME_ONLY = {"en-325-multipart-wrong-boundary"}
rc_m, mime, err_m = scan([os.path.join(tmp, "kept")])
rc_g, graph, err_g = scan(["--graph", os.path.join(tmp, "json")])
t.is_((rc_m, rc_g), (0, 0), "both scans ran")
t.is_(err_g.strip(), "", "--graph: every message had what it needs")
t.is_(len(graph), len(samples), "--graph: one result per sample (%d)"
      % len(samples))
by_mime = {name(x): key(x) for x in mime}
by_graph = {name(x): key(x) for x in graph}
for s in samples:
    if s not in MIME_ONLY:
        t.is_(by_graph.get(s), by_mime.get(s),
              "%s: the same through Graph" % s)

# A page of a listing, a message without its attachments, an array with
# something that is not a message, and a file that is not JSON.
with open(os.path.join(tmp, "json", "en-258-split-qr.json")) as f:
    msg = json.load(f)
bare = dict(msg)
del bare["attachments"]
d = os.path.join(tmp, "cli")
os.makedirs(d)
with open(os.path.join(d, "page.json"), "w") as f:
    json.dump({"@odata.context": "x", "value": [msg, bare]}, f)
with open(os.path.join(d, "mixed.json"), "w") as f:
    json.dump([msg, "x"], f)
with open(os.path.join(d, "broken.json"), "w") as f:
    f.write('{"value": [{"subject": ')
with open(os.path.join(d, "notes.txt"), "w") as f:
    f.write("not a message")
rc, out, err = scan(["--graph", d])
t.is_(rc, 2, "--graph: a file that is not JSON is an error (exit 2)")
t.like(err, r"broken\.json: not JSON", "and says so")
t.like(err, r"mixed\.json: item 2 is not a message resource",
       "an item that is not a message is named")
t.like(err, r"page\.json: message 2: its attachments are not in the file "
       r"\(GET it with \?\$expand=attachments\)",
       "a message without its attachments: said, and how to get them")
t.is_([(name(x), x.get("index")) for x in out],
      [("mixed", 1), ("page", 1), ("page", 2)],
      "each message of a page or array is judged, counted from 1; "
      "notes.txt is not read")
t.ok("attach.qr_split" in key(out[1])[2] and
     "attach.qr_split" not in key(out[2])[2],
     "with its attachments the split QR code is read, without them not")
t.done()
