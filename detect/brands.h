/*
 * brands: the built-in brand list, "names|domains".  Names are separated
 * by commas (a leading '!' marks a name that is also a common word, which
 * then needs more evidence); domains are registrable domains separated by
 * spaces.  Free mail domains of a brand (outlook.com) are listed here and
 * in FREEMAIL: an address there proves nothing about the brand.  A
 * leading '@' marks a domain the brand sends its mail from whose hosts
 * are its customers' sites, not the brand's (AWS writes from
 * sns.amazonaws.com, anyone publishes on s3.amazonaws.com): it backs a
 * sender's name, never a link.
 */
#ifndef SHINDAN_DETECT_BRANDS_H
#define SHINDAN_DETECT_BRANDS_H

static const char *const BRANDS[] = {
	"Microsoft,Microsoft 365,Office 365,Office365,OneDrive,SharePoint,"
	    "!Outlook,Hotmail,Azure,Xbox,Skype,!Teams,Windows Defender,"
	    "マイクロソフト|microsoft.com office.com office365.com outlook.com "
	    "live.com hotmail.com msn.com microsoftonline.com sharepoint.com "
	    "onedrive.com azure.com windows.net skype.com bing.com xbox.com "
	    "microsoft365.com office.net aka.ms microsoftstore.com "
	    "sharepointonline.com "
	    "windowsupdate.com dynamics.com outlook.jp live.jp",
	"Google,Gmail,YouTube,Google Drive,グーグル|google.com gmail.com "
	    "googlemail.com youtube.com google.co.jp google.de google.fr "
	    "google.co.uk gstatic.com withgoogle.com",
	"!Apple,iCloud,iTunes,Apple ID,App Store,アップル|apple.com icloud.com "
	    "me.com mac.com itunes.com apple.co.jp",
	"Amazon,Amazon Prime,Prime Video,AWS,アマゾン|amazon.com amazon.co.jp "
	    "amazon.de amazon.co.uk amazon.fr amazon.it amazon.es amazon.ca "
	    "amazon.com.br amazon.in amazon.nl amazon.com.mx amazon.jobs "
	    "primevideo.com a2z.com amazon.com.au @amazonaws.com",
	"PayPal,ペイパル|paypal.com paypal.me paypal.de paypal.co.jp paypal.fr "
	    "paypal-communication.com paypalobjects.com paypal.co.uk",
	"Netflix,ネットフリックス|netflix.com netflix.net",
	"Facebook,!Meta,Instagram,WhatsApp,Messenger|facebook.com "
	    "facebookmail.com fb.com meta.com instagram.com whatsapp.com "
	    "messenger.com",
	"LinkedIn|linkedin.com licdn.com lnkd.in",
	"GitHub|github.com githubusercontent.com",
	"Twitter|twitter.com x.com t.co",
	"DHL|dhl.com dhl.de dhl.co.jp dhl.fr dhl.nl dhl.co.uk dpdhl.com "
	    "deutschepost.de dhl.es dhl.it",
	"FedEx|fedex.com",
	"!UPS|ups.com",
	"USPS|usps.com usps.gov",
	"Royal Mail|royalmail.com",
	"DPD|dpd.com dpd.de dpd.co.uk dpd.fr",
	"Correos|correos.es",
	"La Poste|laposte.fr laposte.net",
	"PostNL|postnl.nl",
	"Evri|evri.com",
	"Correios|correios.com.br",
	"Japan Post,日本郵便,ゆうパック,郵便局|japanpost.jp post.japanpost.jp",
	"ヤマト運輸,クロネコヤマト,Yamato Transport|kuronekoyamato.co.jp "
	    "yamato-hd.co.jp",
	"佐川急便,Sagawa|sagawa-exp.co.jp",
	"DocuSign|docusign.com docusign.net",
	"Adobe,Adobe Sign,Acrobat|adobe.com adobesign.com acrobat.com",
	"Dropbox|dropbox.com dropboxmail.com",
	"WeTransfer|wetransfer.com",
	"!Zoom|zoom.us zoom.com",
	"!Chase,JPMorgan|chase.com jpmorgan.com jpmchase.com",
	"Wells Fargo|wellsfargo.com wf.com",
	"Bank of America|bankofamerica.com bofa.com",
	"Citibank,Citi|citi.com citibank.com",
	"HSBC|hsbc.com hsbc.co.uk",
	"Barclays|barclays.com barclays.co.uk",
	"Santander|santander.com santander.co.uk santander.com.br santander.de",
	"Deutsche Bank|db.com deutsche-bank.de",
	"Sparkasse|sparkasse.de",
	"Commerzbank|commerzbank.de",
	"Volksbank|vr.de volksbank.de",
	"Postbank|postbank.de",
	"Itaú,Itau|itau.com.br",
	"Bradesco|bradesco.com.br",
	"Caixa,Caixa Econômica|caixa.gov.br",
	"Banco do Brasil|bb.com.br",
	"Nubank|nubank.com.br",
	"Amil|amil.com.br",
	"NotreDame Intermédica,Intermédica,Hapvida|gndi.com.br hapvida.com.br",
	"SulAmérica|sulamerica.com.br",
	"!Porto Seguro|portoseguro.com.br",
	"Unimed|unimed.coop.br",
	"American Express,Amex|americanexpress.com aexp.com",
	"Mastercard|mastercard.com",
	"!Visa|visa.com",
	"Capital One|capitalone.com",
	"Navy Federal|navyfederal.org",
	"USAA|usaa.com",
	"GEICO|geico.com",
	"State Farm|statefarm.com",
	"!Progressive|progressive.com",
	"Allstate|allstate.com",
	"BNP Paribas|bnpparibas.com",
	"Crédit Agricole|credit-agricole.fr",
	"Société Générale|societegenerale.fr",
	"ABN AMRO|abnamro.nl abnamro.com",
	"Rabobank|rabobank.nl",
	"Intesa Sanpaolo|intesasanpaolo.com",
	"UniCredit|unicredit.it",
	"Poste Italiane|poste.it posteitaliane.it",
	"BBVA|bbva.com bbva.es",
	"CaixaBank|caixabank.es",
	"Revolut|revolut.com",
	"三井住友,SMBC,Vpass|smbc.co.jp smbc-card.com vpass.ne.jp",
	"三菱UFJ,MUFG|mufg.jp",
	"みずほ,Mizuho|mizuhobank.co.jp mizuho-fg.co.jp",
	"りそな|resonabank.co.jp",
	"ゆうちょ|jp-bank.japanpost.jp",
	"楽天,Rakuten|rakuten.co.jp rakuten-card.co.jp rakuten.com "
	    "rakuten-bank.co.jp",
	"JCB|jcb.co.jp jcb.jp",
	"イオン,AEON|aeon.co.jp aeon.com",
	"セゾン,Saison|saisoncard.co.jp",
	"エポス|eposcard.co.jp",
	"オリコ|orico.co.jp",
	"PayPay|paypay.ne.jp",
	"メルカリ,Mercari|mercari.com",
	"ドコモ,docomo|docomo.ne.jp nttdocomo.co.jp",
	"SoftBank,ソフトバンク|softbank.jp softbank.co.jp",
	"Yahoo,ヤフー|yahoo.com yahoo.co.jp ymail.com yahoo.co.uk yahoo.fr "
	    "yahoo.de yahoogroups.com",
	"国税庁,e-Tax|nta.go.jp e-tax.nta.go.jp",
	"ETC利用照会,ETCマイレージ|etc-meisai.jp smile-etc.jp",
	"えきねっと|eki-net.com",
	"東京電力|tepco.co.jp",
	"Coinbase|coinbase.com",
	"Ethereum,Ethereum Foundation|ethereum.org",
	"Bittrex|bittrex.com",
	"Illuvium|illuvium.io",
	"Pyth Network|pyth.network",
	"Unstoppable Domains|unstoppabledomains.com",
	"Binance|binance.com",
	"MetaMask|metamask.io",
	"Trust Wallet|trustwallet.com",
	"!Ledger|ledger.com",
	"Blockchain.com|blockchain.com",
	"Crypto.com|crypto.com",
	"OpenSea|opensea.io",
	"DeBank|debank.com",
	"De.Fi|de.fi",
	"!Stellar,Stellar Development Foundation,Stellar Lumens|stellar.org",
	"Norton,Norton LifeLock,Norton 360|norton.com nortonlifelock.com",
	"McAfee|mcafee.com",
	"Geek Squad|geeksquad.com bestbuy.com",
	"Walmart|walmart.com",
	"Costco|costco.com",
	"Home Depot|homedepot.com",
	"!Best Buy|bestbuy.com",
	"Lowe's,Lowes|lowes.com",
	"Kohl's,Kohls|kohls.com",
	"Harbor Freight|harborfreight.com",
	"Dick's Sporting Goods|dickssportinggoods.com",
	"CVS Pharmacy,!CVS|cvs.com",
	"SiriusXM,Sirius XM|siriusxm.com",
	"!Peacock|peacocktv.com",
	"Oral-B,Oral B|oralb.com oralb.de",
	"AliExpress|aliexpress.com",
	"eBay|ebay.com ebay.de ebay.co.uk",
	"!Steam|steampowered.com steamcommunity.com",
	"Spotify|spotify.com",
	"Disney+|disneyplus.com",
	"AT&T|att.com att.net",
	"Verizon|verizon.com verizonwireless.com",
	"T-Mobile|t-mobile.com",
	"Xfinity,Comcast|xfinity.com comcast.net comcast.com",
	"Vodafone|vodafone.com vodafone.de",
	"Telekom|telekom.de t-online.de",
	"IRS|irs.gov",
	"HMRC|hmrc.gov.uk gov.uk",
	"Decathlon|decathlon.com decathlon.de decathlon.fr",
	"MediaMarkt,Media Markt|mediamarkt.de",
	"Lidl|lidl.de lidl.com",
	"Aldi|aldi.de aldi-sued.de aldi-nord.de aldi.us aldi.co.uk",
	"Kaufland|kaufland.de",
	"Coolblue|coolblue.nl coolblue.be coolblue.de",
	"Magazine Luiza,Magalu|magazineluiza.com.br magalu.com",
	"Kruidvat|kruidvat.nl kruidvat.be",
	"Zilveren Kruis|zilverenkruis.nl",
	"IKEA|ikea.com",
	"Booking.com|booking.com",
	"Airbnb|airbnb.com",
	"Marriott,Marriott Bonvoy|marriott.com",
	"ADAC|adac.de",
	"Techniker Krankenkasse|tk.de",
	"Shein|shein.com",
	"Temu|temu.com",
	"Livelo|livelo.com.br",
	"Mercado Livre,Mercado Libre|mercadolivre.com.br mercadolibre.com",
	"Mercado Pago,MercadoPago|mercadopago.com.br mercadopago.com "
	    "mercadopago.com.ar mercadopago.com.mx",
	"Receita Federal|gov.br",
	"Serasa|serasa.com.br",
	"Proton Mail,ProtonMail,Proton.me|proton.me protonmail.com "
	    "protonmail.ch",
	"!Ripple,XRP Ledger|ripple.com xrpl.org",
	"SushiSwap,Sushi Swap,!Sushi|sushi.com",
	"Uniswap|uniswap.org",
	"Lido Finance,!Lido|lido.fi",
	"FTX|ftx.com ftx.us",
	"!Stake|stake.com stake.us",
	"ether.fi,Etherfi|ether.fi",
	"Arbitrum|arbitrum.io arbitrum.foundation",
	"!Optimism|optimism.io",
	"zkSync|zksync.io",
	"LayerZero|layerzero.network",
	"!Scroll|scroll.io",
	"!Blast|blast.io",
	"CoinPayments|coinpayments.net",
	"CoinTracker|cointracker.io",
	"!Kraken|kraken.com",
	"Bybit|bybit.com",
	"KuCoin|kucoin.com",
	"Phantom Wallet|phantom.app",
	"Exodus Wallet|exodus.com",
	"Tether|tether.to",
	"Europol|europol.europa.eu",
	"Interpol|interpol.int",
	"!FBI|fbi.gov ic3.gov",
	"Carrefour|carrefour.com carrefour.fr carrefour.es carrefour.com.br",
	"!GLS|gls-group.eu gls-group.com gls-pakete.de gls-spain.es "
	    "gls-italy.com",
};

/*
 * Words of English, German, French, Spanish, Portuguese, Italian and
 * Dutch (the Debian word lists) that are a brand's name with one letter
 * dropped, swapped or doubled, and surnames that are: ordinary words and
 * people, not misspellings.  Check a new brand of 6 letters or more
 * against the lists and add its own.
 */
static const char *const NOT_MISSPELT[] = {
	"acrobaat", "correis", "corres", "costo", "decatlon", "livello",
	"mercar", "papal", "posbank", "postbak", "rauten", "revolt", "revolu",
	"seras", "sparasse", "titter", "verzon",
	/* surnames */
	"marriot", "mariott", "sison", "teter",
};

static const char *const FREEMAIL[] = {
	"gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.jp",
	"yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.com.br", "ymail.com",
	"rocketmail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr",
	"hotmail.de", "hotmail.it", "outlook.com", "outlook.jp", "outlook.fr",
	"outlook.de", "live.com", "live.jp", "live.fr", "msn.com", "aol.com",
	"icloud.com", "me.com", "mac.com", "gmx.com", "gmx.de", "gmx.net",
	"web.de", "mail.com", "mail.ru", "yandex.ru", "yandex.com",
	"protonmail.com", "proton.me", "tutanota.com", "zoho.com", "qq.com",
	"163.com", "126.com", "sina.com", "naver.com", "daum.net",
	"libero.it", "virgilio.it", "orange.fr", "laposte.net", "free.fr",
	"t-online.de", "bol.com.br", "uol.com.br", "terra.com.br",
	"ig.com.br", "seznam.cz", "wp.pl", "o2.pl", "onet.pl", "interia.pl",
	"rediffmail.com", "ezweb.ne.jp", "docomo.ne.jp", "softbank.ne.jp",
	"i.softbank.jp", "onmicrosoft.com", "hushmail.com", "inbox.com",
	"usa.com", "email.com", "post.com", "juno.com", "netzero.net",
	"earthlink.net", "cox.net", "comcast.net", "att.net", "sbcglobal.net",
	"bellsouth.net", "verizon.net", "optonline.net", "shaw.ca",
	"rogers.com", "btinternet.com", "sky.com", "talktalk.net",
	"bigpond.com", "rambler.ru", "inbox.ru", "list.ru", "bk.ru",
	"ukr.net", "tiscali.it", "alice.it", "sfr.fr", "wanadoo.fr",
	"nifty.com", "excite.co.jp", "goo.jp",
};

static const char *const SHORTENERS[] = {
	"bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly",
	"is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "rb.gy",
	"t.ly", "tiny.cc", "s.id", "v.gd", "bl.ink", "soo.gd", "qrco.de",
	"short.io", "x.gd", "urlz.fr", "shorturl.asia", "clck.ru", "u.to",
	"bit.do", "han.gl", "me2.kr", "tinu.be", "shrtco.de", "t2m.io",
	"surl.li", "lnkd.in", "2u.pw", "gg.gg", "rotf.lol", "tiny.one",
	"shorte.st", "adf.ly", "ouo.io", "1url.com", "qr.de", "qr-codes.io",
	"l.ead.me", "0rz.tw", "reurl.cc", "ppt.cc", "x.co", "snip.ly",
	"y2u.be", "dub.sh", "urlzs.com", "heylink.me", "did.li",
};

/* Host suffixes where anyone can publish a page. */
static const char *const HOSTING[] = {
	"000webhostapp.com", "weebly.com", "weeblysite.com", "wixsite.com",
	"firebaseapp.com", "web.app", "appspot.com", "glitch.me", "repl.co",
	"replit.app", "replit.dev", "netlify.app", "vercel.app", "pages.dev",
	"workers.dev", "r2.dev", "gitlab.io", "herokuapp.com",
	"azurewebsites.net", "blob.core.windows.net", "web.core.windows.net",
	"storage.googleapis.com", "firebasestorage.googleapis.com",
	"s3.amazonaws.com", "amazonaws.com", "godaddysites.com", "square.site",
	"mystrikingly.com", "strikingly.com", "webflow.io", "carrd.co",
	"sites.google.com", "forms.gle", "jotform.com", "typeform.com",
	"ngrok.io", "ngrok-free.app", "ngrok.app", "trycloudflare.com",
	"duckdns.org", "ddns.net", "hopto.org", "zapto.org", "codesandbox.io",
	"csb.app", "framer.app", "framer.website", "yolasite.com",
	"jimdosite.com", "webnode.page", "tilda.ws", "canva.site",
	"notion.site", "linktr.ee", "sway.office.com", "forms.office.com",
	"docs.google.com", "drive.google.com", "onedrive.live.com",
	"1drv.ms", "dropboxusercontent.com", "googleusercontent.com",
	"myportfolio.com", "wixstudio.io", "editorx.io", "ukit.me",
	"site123.me", "mailchimpsites.com", "hubspotpagebuilder.com",
	"filesusr.com", "backblazeb2.com", "digitaloceanspaces.com",
	"cloudflare-ipfs.com", "translate.goog", "bubbleapps.io",
	"glide.page", "wcomhost.com", "servehttp.com", "myftp.biz",
	"run.app", "cloudfunctions.net", "onrender.com", "fly.dev", "deno.dev",
	"surge.sh",
	"pythonanywhere.com", "softr.app",
	"sharepoint.com", "reamaze.com", "webwave.dev", "tiiny.site",
	"getresponsepages.com", "systeme.io", "hpage.com", "ucraft.site",
	"github.io",
	/* free dynamic DNS and tunnels: a name on someone's own machine */
	"dns.army", "mooo.com", "us.to", "chickenkiller.com", "crabdance.com",
	"strangled.net", "dynu.net", "freeddns.org", "ddnsking.com",
	"dynv6.net", "sytes.net", "serveftp.com", "loca.lt", "serveo.net",
	/* free web hosts whose sites are subdomains */
	"infinityfreeapp.com", "epizy.com", "rf.gd", "42web.io", "free.nf",
	"wuaze.com",
};

/* Free image hosts: a sender's images there say it hides who it is. */
static const char *const IMAGE_HOSTS[] = {
	"imgur.com", "zupimages.net", "postimg.cc", "postimages.org",
	"ibb.co", "imgbb.com", "tinypic.com", "photobucket.com",
	"imageshack.com", "freeimage.host", "iili.io", "prnt.sc",
	"gyazo.com", "imgbox.com", "pixhost.to", "lensdump.com",
	"imagevenue.com", "imgchest.com", "img.ly", "imgpile.com",
	"fastpic.org", "radikal.ru", "funkyimg.com", "imagebam.com",
	"pictr.com", "servimg.com", "hostingpics.net", "casimages.com",
	"noelshack.com", "imgflip.com", "snipboard.io", "paste.pics",
	"picfile.org", "goopics.net", "uploaddeimagens.com.br", "imgsupload.com",
	"pasteboard.co",
};

static const char *const RISKY_TLDS[] = {
	"top", "xyz", "click", "link", "buzz", "monster", "cfd", "sbs", "rest",
	"icu", "cyou", "tk", "ml", "ga", "cf", "gq", "work", "fit", "loan",
	"men", "date", "download", "racing", "review", "win", "bid", "stream",
	"gdn", "kim", "country", "party", "cricket", "accountant", "faith",
	"trade", "webcam", "zip", "mov", "quest", "bond", "autos", "beauty",
	"hair", "skin", "makeup", "boats", "yachts", "lol", "pics", "mom",
	"bar", "cam", "casa",
};

/* Hosts whose links pass to another URL in a query parameter. */
static const char *const REDIRECTORS[] = {
	"google.com", "google.co.jp", "google.de", "google.fr",
	"google.co.uk", "google.com.br", "doubleclick.net",
	"l.facebook.com", "lm.facebook.com", "l.instagram.com",
	"youtube.com", "bing.com", "slack-redir.net", "t.umblr.com",
	"away.vk.com", "l.messenger.com", "linkedin.com", "medium.com",
	"out.reddit.com", "nam.safelink.emails.azure.net",
	"adclick.g.doubleclick.net", "googleadservices.com",
	"trk.klclick.com", "smart.link", "onelink.me",
};

#endif
