/*
 * Phishing kits sent as attachments: a sign-in page that ships what is
 * typed to a chat bot, a mail form or a PHP collector, often with the
 * address of the victim filled in already.
 */
rule phishkit_exfiltration
{
	meta:
		category = "phishing"
		weight = 80
		en = "The attachment \"{name}\" is a sign-in page that sends the password typed into it to the attacker ({detail})."
		ja = "添付ファイル「{name}」は入力されたパスワードを攻撃者に送信するサインインページです ({detail})。"
	strings:
		$p1 = "type=\"password\"" nocase
		$p2 = "type='password'" nocase
		$p3 = "type=password" nocase
		$x1 = "api.telegram.org/bot" nocase
		$x2 = "formsubmit.co" nocase
		$x3 = "submit-form.com" nocase
		$x4 = "/next.php" nocase
		$x5 = "/post.php" nocase
		$x6 = "discord.com/api/webhooks" nocase
		$x7 = "$.ajax" nocase
		$x8 = "XMLHttpRequest" nocase
		$x9 = "fetch(" nocase
	condition:
		filesize < 10MB and any of ($p*) and 1 of ($x1, $x2, $x3, $x6) or
		(any of ($p*) and 1 of ($x4, $x5) and 1 of ($x7, $x8, $x9))
}

rule phishkit_obfuscated_page
{
	meta:
		category = "phishing"
		weight = 60
		en = "The attachment \"{name}\" is a web page that hides its content behind script decoding ({detail}), as phishing pages do to escape filters."
		ja = "添付ファイル「{name}」はスクリプトによる復号で内容を隠した Web ページです ({detail})。フィルターを逃れるフィッシングページの手口です。"
	strings:
		$w1 = "document.write(unescape(" nocase
		$w2 = "document.write(atob(" nocase
		$w3 = "eval(atob(" nocase
		$w4 = "eval(unescape(" nocase
		$w5 = "eval(function(p,a,c,k,e" nocase
		$w6 = "window.atob(" nocase
	condition:
		filesize < 10MB and any of them
}
