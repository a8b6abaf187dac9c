/*
 * HTML smuggling: a page that decodes a file it carries and has the
 * browser save it, so that the file never crosses the mail filter as a
 * file.
 */
rule html_smuggling_blob
{
	meta:
		category = "malware"
		weight = 80
		en = "The attachment \"{name}\" is a web page that decodes a file it carries and makes the browser save it ({detail}): HTML smuggling."
		ja = "添付ファイル「{name}」は内蔵したファイルを復号してブラウザーに保存させる Web ページです ({detail})。HTML スマグリングです。"
	strings:
		$h1 = "<html" nocase
		$h2 = "<script" nocase
		$d1 = "atob(" nocase
		$d2 = "base64," nocase
		$d3 = "fromCharCode" nocase
		$b1 = "new Blob" nocase
		$b2 = "createObjectURL" nocase
		$b3 = "msSaveOrOpenBlob" nocase
		$b4 = ".download" nocase
	condition:
		filesize < 20MB and any of ($h*) and any of ($d*) and
		$b1 and ($b2 or $b3) and ($b4 or $b3)
}
