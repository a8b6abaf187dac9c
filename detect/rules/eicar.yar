/*
 * The EICAR anti-malware test file: no harm in it, but every scanner
 * must report it, so that a test can show detection works end to end.
 */
rule eicar_test_file
{
	meta:
		category = "malware"
		weight = 100
		en = "The attachment \"{name}\" is the EICAR anti-malware test file (SHA-256 {sha256})."
		ja = "添付ファイル「{name}」は EICAR のマルウェア検知テスト用ファイルです (SHA-256 {sha256})。"
	strings:
		$e = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
	condition:
		$e at 0
}
