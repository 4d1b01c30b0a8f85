/**
 * The settings form's titles and hints in Turkish, by their English text: the channels, every
 * provider plug-in (its name, what it does, its fields: the same under every channel) and the
 * validators.
 */
export const providerTexts: Readonly<Record<string, string>> = {
  'Delivery per channel': 'Kanal başına iletim',
  'Providers for sms, in order: when one fails the next is tried at once. Default: the sandbox (`console`)':
    'SMS sağlayıcıları, sırayla: biri başarısız olursa hemen sonraki denenir. Varsayılan: deneme ortamı (`console`)',
  'Sandbox console': 'Deneme ortamı konsolu',
  'Keeps messages for reading through the sandbox API; sends nothing.':
    "Mesajları deneme ortamı API'sinden okunmak üzere saklar; hiçbir şey göndermez.",
  'Provider plug-in': 'Sağlayıcı eklentisi',
  'HTTP gateway': 'HTTP ağ geçidi',
  'Sends through any gateway with an HTTP API: URL, method, headers, body, success rule.':
    "HTTP API'si olan herhangi bir ağ geçidiyle gönderir: URL, yöntem, başlıklar, gövde, başarı kuralı.",
  'Names this gateway in the message log and in receipts':
    'Bu ağ geçidini mesaj kaydında ve iletim raporlarında adlandırır',
  'http(s) URL; placeholders in it are URL-encoded':
    "http(s) URL'si; içindeki yer tutucular URL kodlamasıyla eklenir",
  'Header values take placeholders': 'Başlık değerlerinde yer tutucu kullanılabilir',
  'JSON for "json"; a flat object of fields for "form" and "query". Strings take placeholders':
    '"json" için JSON; "form" ve "query" için alanlardan oluşan düz bir nesne. Metin değerlerinde yer tutucu kullanılabilir',
  '"query" adds the body fields to the URL, for GET services':
    '"query", GET ile çalışan hizmetler için gövde alanlarını URL\'ye ekler',
  'Statuses that may mean success': 'Başarı anlamına gelebilecek durum kodları',
  'With equals: the answer must be JSON whose value here equals equals':
    'equals ile birlikte: yanıt, bu konumdaki değeri equals değerine eşit olan bir JSON olmalıdır',
  'The value jsonPointer must find': "jsonPointer'ın bulması gereken değer",
  "Where the gateway's answer keeps its id for the message (JSON pointer)":
    'Ağ geçidinin yanıtında mesaja verdiği kimliğin yeri (JSON işaretçisi)',
  'Delivery receipts from this gateway; without it its receipts are refused':
    'Bu ağ geçidinden gelen iletim raporları; bu ayar olmadan raporları reddedilir',
  'Shared secret the gateway sends as `?token=` or the `X-Otpd-Receipt-Token` header. Stored encrypted; read back masked':
    'Ağ geçidinin `?token=` parametresi ya da `X-Otpd-Receipt-Token` başlığıyla gönderdiği ortak gizli değer. Şifreli saklanır; maskeli okunur',
  "Where the receipt keeps the gateway's id of the message (the one messageIdPointer found)":
    'Raporda ağ geçidinin mesaja verdiği kimliğin yeri (messageIdPointer ile bulunan kimlik)',
  "Where the receipt keeps the gateway's status": 'Raporda ağ geçidinin bildirdiği durumun yeri',
  "Where the receipt keeps the gateway's error code, if it sends one":
    'Raporda, gönderiyorsa ağ geçidinin hata kodunun yeri',
  'The gateway\'s statuses to otpd\'s (queued, sent, delivered, undelivered, failed), e.g. {"DELIVRD": "delivered"}; matched exactly, then ignoring case. Others are ignored':
    'Ağ geçidinin durumlarından otpd\'nin durumlarına (queued, sent, delivered, undelivered, failed) eşleme, örneğin {"DELIVRD": "delivered"}; önce birebir, sonra büyük/küçük harf gözetmeden eşleştirilir. Diğerleri yok sayılır',
  "The service makes and sends its own code (integration mode 3): otpd sends no code, and the app's validator checks codes. {{code}} and {{message}} are then unavailable":
    'Hizmet kendi kodunu üretip gönderir (entegrasyon modu 3): otpd kod göndermez, kodları uygulamanın doğrulayıcısı kontrol eder. Bu durumda {{code}} ve {{message}} kullanılamaz',
  "With generatesCode: where the answer keeps the service's id for the code, handed to the validator as {{reference}}; an answer without it is a failed send":
    'generatesCode ile birlikte: yanıtta hizmetin koda verdiği kimliğin yeri; doğrulayıcıya {{reference}} olarak verilir. Bu kimliği içermeyen yanıt başarısız gönderim sayılır',
  'Time limit of one attempt: resolving, connecting and the whole answer':
    'Tek bir denemenin süre sınırı: ad çözümleme, bağlantı ve yanıtın tamamı',
  'Extra placeholders, e.g. {"apiKey": "…"} for {{apiKey}}; used as written':
    'Ek yer tutucular, örneğin {{apiKey}} için {"apiKey": "…"}; yazıldığı gibi kullanılır',
  Twilio: 'Twilio',
  'Sends SMS and WhatsApp messages through Twilio Programmable Messaging, and reads codes out in calls through Programmable Voice.':
    'SMS ve WhatsApp mesajlarını Twilio Programmable Messaging ile gönderir, kodları Programmable Voice ile aramalarda sesli okur.',
  'Names this provider in the message log and in receipts':
    'Bu sağlayıcıyı mesaj kaydında ve iletim raporlarında adlandırır',
  'Account SID (AC…), also the Basic auth user':
    "Hesap SID'si (AC…); Basic auth kullanıcı adı olarak da kullanılır",
  "The account's auth token. Stored encrypted; read back masked":
    'Hesabın auth token değeri. Şifreli saklanır; maskeli okunur',
  'Sender number in E.164; on whatsapp it is sent as whatsapp:<from>; voice calls come from it':
    'E.164 biçiminde gönderen numara; whatsapp kanalında whatsapp:<from> olarak gönderilir; sesli aramalar da bu numaradan yapılır',
  'Messaging Service (MG…) that picks the sender, in place of from (not for voice)':
    'from yerine göndereni seçen Messaging Service (MG…) (sesli arama için kullanılmaz)',
  "URL Twilio posts delivery status changes (and a call's status) to":
    "Twilio'nun iletim durumu değişikliklerini (ve aramanın durumunu) POST ettiği URL",
  'Twilio API origin; default https://api.twilio.com. Goes through the outbound guard':
    'Twilio API kök adresi; varsayılan https://api.twilio.com. Giden istek korumasından geçer',
  'Twilio Verify': 'Twilio Verify',
  'Twilio Verify makes and sends the code; pair it with the twilio-verify validator.':
    'Kodu Twilio Verify üretir ve gönderir; twilio-verify doğrulayıcısıyla birlikte kullanın.',
  'The Verify service (VA…) that makes, sends and checks the codes':
    'Kodları üreten, gönderen ve kontrol eden Verify hizmeti (VA…)',
  'Twilio Verify API origin; default https://verify.twilio.com. Goes through the outbound guard':
    'Twilio Verify API kök adresi; varsayılan https://verify.twilio.com. Giden istek korumasından geçer',
  'Names this provider in the message log': 'Bu sağlayıcıyı mesaj kaydında adlandırır',
  'When a delivery receipt says the newest code never arrived (undelivered or failed), send a new code through the providers after the one that failed, at most once per provider. Default false':
    'Bir iletim raporu en yeni kodun hiç ulaşmadığını bildirdiğinde (undelivered ya da failed), başarısız olandan sonraki sağlayıcılarla yeni bir kod gönderilir; her sağlayıcıyla en çok bir kez. Varsayılan: kapalı',
  'Providers for whatsapp, in order: when one fails the next is tried at once. Default: the sandbox (`console`)':
    'WhatsApp sağlayıcıları, sırayla: biri başarısız olursa hemen sonraki denenir. Varsayılan: deneme ortamı (`console`)',
  'Providers for email, in order: when one fails the next is tried at once. Default: the sandbox (`console`)':
    'E-posta sağlayıcıları, sırayla: biri başarısız olursa hemen sonraki denenir. Varsayılan: deneme ortamı (`console`)',
  'SMTP email': 'SMTP e-posta',
  'Sends email through an SMTP server (TLS, STARTTLS, login), text and HTML.':
    'E-postayı bir SMTP sunucusu üzerinden (TLS, STARTTLS, oturum açma) düz metin ve HTML olarak gönderir.',
  'Names this mail server in the message log': 'Bu posta sunucusunu mesaj kaydında adlandırır',
  'Mail server host name or IP address; checked against the outbound address rule (internal addresses only with OTPD_ALLOW_NETWORKS)':
    'Posta sunucusunun ana makine adı ya da IP adresi; giden adres kuralına göre denetlenir (iç adresler yalnızca OTPD_ALLOW_NETWORKS ile)',
  'Default 465 with secure, else 587 (submission)':
    'Varsayılan: secure açıkken 465, değilse 587 (submission)',
  'Implicit TLS from the first byte (usually port 465)':
    'İlk bayttan itibaren örtük TLS (genellikle 465 numaralı port)',
  'Without secure: "required" refuses a server that does not upgrade to TLS; "opportunistic" upgrades when offered; "off" never does (the password and the code then cross the network in clear). Ignored with secure':
    'secure kapalıyken: "required" TLS\'e geçmeyen sunucuyu reddeder; "opportunistic" sunulduğunda TLS\'e geçer; "off" hiçbir zaman geçmez (parola ve kod bu durumda ağda şifresiz gider). secure açıkken yok sayılır',
  'Log in with this user and password (AUTH PLAIN or LOGIN); required once given':
    'Bu kullanıcı adı ve parolayla oturum açar (AUTH PLAIN ya da LOGIN); verildiğinde zorunludur',
  'Secret: stored encrypted, read back masked': 'Gizli değer: şifreli saklanır, maskeli okunur',
  'The From header and envelope sender': 'From başlığı ve zarf göndereni',
  'Subject line; {{app}} is the app name. The code is not in it by default':
    'Konu satırı; {{app}} uygulamanın adıdır. Kod varsayılan olarak konuda yer almaz',
  'Also send an HTML part: the text escaped, the code emphasised':
    'Ayrıca bir HTML bölümü gönderir: metin kaçışlanır, kod vurgulanır',
  'Time limit of one attempt: resolving, connecting, TLS, login and sending':
    'Tek bir denemenin süre sınırı: ad çözümleme, bağlantı, TLS, oturum açma ve gönderim',
  'Providers for messenger, in order: when one fails the next is tried at once. Default: the sandbox (`console`)':
    'Messenger sağlayıcıları, sırayla: biri başarısız olursa hemen sonraki denenir. Varsayılan: deneme ortamı (`console`)',
  'Web messenger': 'Web messenger',
  "Shows the message in an open chat of otpd's web messenger; `to` is the conversation id or the verified phone (with or without +) of the app's open conversation.":
    "Mesajı otpd'nin web messenger'ındaki açık bir sohbette gösterir; `to`, uygulamanın açık konuşmasının kimliği ya da doğrulanmış telefon numarasıdır (+ ile ya da + olmadan).",
  'Providers for voice, in order: when one fails the next is tried at once. Default: the sandbox (`console`)':
    'Sesli arama sağlayıcıları, sırayla: biri başarısız olursa hemen sonraki denenir. Varsayılan: deneme ortamı (`console`)',
  "Who checks codes a sender made itself (`generatesCode`, twilio-verify): `builtin` (default; otpd checks its own codes), `http` or `twilio-verify`. otpd's own codes are always checked by otpd":
    "Bir göndericinin kendi ürettiği kodları kimin kontrol edeceği (`generatesCode`, twilio-verify): `builtin` (varsayılan; otpd kendi kodlarını kontrol eder), `http` ya da `twilio-verify`. otpd'nin kendi kodlarını her zaman otpd kontrol eder",
  'Built-in': 'Yerleşik',
  "otpd's own codes, stored only as HMACs": "otpd'nin kendi kodları, yalnızca HMAC olarak saklanır",
  'otpd checks its own hashed codes':
    "otpd, hash'lenmiş olarak sakladığı kendi kodlarını kontrol eder",
  'HTTP validator': 'HTTP doğrulayıcı',
  'Asks a third-party service whether a code is right: URL, method, headers, body, success rule.':
    'Bir kodun doğru olup olmadığını üçüncü taraf bir hizmete sorar: URL, yöntem, başlıklar, gövde, başarı kuralı.',
  'Statuses that mean the code is wrong (or its verification unknown to the service). 5xx, 408 and 429 never do: they are no verdict':
    'Kodun yanlış olduğu (ya da doğrulamasının hizmetçe bilinmediği) anlamına gelen durum kodları. 5xx, 408 ve 429 hiçbir zaman bu anlama gelmez: bunlar bir karar değildir',
  'Validator plug-in': 'Doğrulayıcı eklentisi',
  'Twilio Verify checks the codes it made (pair with the twilio-verify sender).':
    'Twilio Verify kendi ürettiği kodları kontrol eder (twilio-verify göndericisiyle birlikte kullanın).',
};
