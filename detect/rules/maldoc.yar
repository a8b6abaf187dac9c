/*
 * Office macros that run on their own and reach for the system: the
 * auto-run entry points with a shell, download or process call.  Run on
 * OLE documents and on the vbaProject.bin of OOXML ones.
 */
rule maldoc_autoexec_shell
{
	meta:
		category = "malware"
		weight = 85
		en = "The document \"{name}\" has a macro that runs on opening and starts programs or downloads ({detail})."
		ja = "文書「{name}」には開くと自動で実行され、プログラムの起動やダウンロードを行うマクロがあります ({detail})。"
	strings:
		$a1 = "AutoOpen" nocase
		$a2 = "Auto_Open" nocase
		$a3 = "Document_Open" nocase
		$a4 = "Workbook_Open" nocase
		$a5 = "AutoExec" nocase
		$a6 = "Document_Close" nocase
		$s1 = "Shell" nocase
		$s2 = "WScript" nocase
		$s3 = "CreateObject" nocase
		$s4 = "URLDownloadToFile" nocase
		$s5 = "powershell" nocase
		$s6 = "MSXML2.XMLHTTP" nocase
		$s7 = "ADODB.Stream" nocase
		$s8 = "cmd.exe" nocase
	condition:
		(uint32(0) == 0xe011cfd0 or uint32(0) == 0x04034b50 or
		 filesize < 8MB) and any of ($a*) and 2 of ($s*)
}
