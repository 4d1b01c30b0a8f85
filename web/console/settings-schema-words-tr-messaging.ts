/**
 * The settings form's titles and hints in Turkish, by their English text: the message
 * templates, the webhooks, the vendor dialects, the web messenger, and the JSON value a field
 * may take.
 */
export const messagingTexts: Readonly<Record<string, string>> = {
  "Message templates per channel and locale. Looked up by the verification locale, its prefixes (`pt` for `pt-BR`), the app `defaultLocale` and its prefixes, then `en`; at each tag the app's template wins over otpd's built-in text (en, tr, sw, hi, ar, fr, es, de, pt)":
    "Kanal ve dile göre mesaj şablonları. Sırayla doğrulamanın dili, onun önekleri (`pt-BR` için `pt`), uygulamanın `defaultLocale` değeri ve önekleri, son olarak `en` aranır; her dil etiketinde uygulamanın şablonu otpd'nin yerleşik metnine (en, tr, sw, hi, ar, fr, es, de, pt) üstün gelir",
  'Templates by locale (`en`, `pt-BR`, …); placeholders {{code}}, {{app}}, {{minutes}}':
    'Dile göre şablonlar (`en`, `pt-BR`, …); yer tutucular: {{code}}, {{app}}, {{minutes}}',
  'Event subscriptions: signed (Standard Webhooks) POSTs of lifecycle events':
    'Olay abonelikleri: yaşam döngüsü olaylarının imzalı (Standard Webhooks) POST istekleri',
  'Where events are POSTed': 'Olayların POST edildiği adres',
  'The events sent to this URL': "Bu URL'ye gönderilen olaylar",
  'Signing secret (Standard Webhooks). Stored encrypted; read back masked':
    'İmzalama anahtarı (Standard Webhooks). Şifreli saklanır; maskeli okunur',
  'Vendor dialects': "Başka hizmetlerin API'leriyle uyumlu uç noktalar",
  'Convertalk chatbot endpoints under /convertalk':
    '/convertalk altında Convertalk sohbet botu uç noktaları',
  'Twilio API origin the Convertalk send-otp-sms endpoint posts to; default https://api.twilio.com. Goes through the outbound guard':
    'Convertalk send-otp-sms uç noktasının istek gönderdiği Twilio API kök adresi; varsayılan https://api.twilio.com. Giden istek korumasından geçer',
  "What send-otp-sms answers as `systemOtp`, the value the flow's verify step compares: `reference`, an opaque sealed reference that verify-user-otp checks (default); `code`, the code itself, for flows that compare it locally — the code then sits in the flow's attributes, and attempts are no longer counted":
    'send-otp-sms uç noktasının `systemOtp` olarak döndürdüğü, akışın doğrulama adımında karşılaştırılan değer: `reference`, verify-user-otp uç noktasının kontrol ettiği, içeriği görünmeyen mühürlü bir referans (varsayılan); `code`, karşılaştırmayı kendisi yapan akışlar için kodun kendisi — bu durumda kod akışın özniteliklerinde durur ve denemeler artık sayılmaz',
  'Diyalog sendmok and postback under /diyalog':
    '/diyalog altında Diyalog sendmok ve postback uç noktaları',
  'Signs hidden button payloads (HMAC-SHA256) and the button presses forwarded to webhookUrl (X-Signature, HMAC-SHA1). Stored encrypted, shown masked':
    'Gizli düğme yüklerini (HMAC-SHA256) ve webhookUrl adresine iletilen düğme basışlarını (X-Signature, HMAC-SHA1) imzalar. Şifreli saklanır, maskeli gösterilir',
  "Where button presses are forwarded in Diyalog's envelope; none: not forwarded. Goes through the outbound guard":
    'Düğme basışlarının Diyalog zarfı içinde iletildiği adres; boşsa iletilmez. Giden istek korumasından geçer',
  'Twilio Verify v2 under /twilio': '/twilio altında Twilio Verify v2',
  "Accept Twilio's CustomCode: the app's own code is sent and checked (stored hashed like any code). Default false: a CustomCode is refused with 60204, as on a Twilio service without custom codes enabled":
    "Twilio'nun CustomCode alanını kabul eder: uygulamanın kendi kodu gönderilir ve kontrol edilir (her kod gibi hash'lenerek saklanır). Varsayılan: kapalı; CustomCode, özel kodları açık olmayan bir Twilio hizmetinde olduğu gibi 60204 ile reddedilir",
  'The web messenger: a chat on your site, opened after the phone is verified':
    'Web messenger: sitenizde, telefon numarası doğrulandıktan sonra açılan bir sohbet',
  'Serve the messenger; while false its page and API answer 404':
    "Messenger'ı sunar; kapalıyken sayfası ve API'si 404 yanıtı verir",
  '`otp`: the chat opens after an SMS code; `none`: it opens at once':
    '`otp`: sohbet bir SMS kodundan sonra açılır; `none`: hemen açılır',
  "The phone step's preselected country; default the app's `preferredCountry`":
    'Telefon adımında önceden seçili ülke; varsayılan, uygulamanın `preferredCountry` değeri',
  "Ask for the visitor's name before the phone": 'Telefondan önce ziyaretçinin adı sorulur',
  "Ask for the visitor's email before the phone":
    'Telefondan önce ziyaretçinin e-posta adresi sorulur',
  "Texts by locale over otpd's built-in ones (nameHeader, nameDescription, emailHeader, emailDescription, phoneHeader, phoneDescription, smsHeader, smsDescription, welcome); picked by the visitor's language, its prefix, then `en`":
    "otpd'nin yerleşik metinlerinin yerine geçen, dile göre metinler (nameHeader, nameDescription, emailHeader, emailDescription, phoneHeader, phoneDescription, smsHeader, smsDescription, welcome); ziyaretçinin diline, sonra bu dilin önekine, en son `en` diline göre seçilir",
  'Origins whose pages may embed the messenger (CSP frame-ancestors)':
    "Sayfaları messenger'ı gömebilecek kaynaklar (CSP frame-ancestors)",
  'The bot that receives visitor messages; none: they wait for an agent':
    'Ziyaretçi mesajlarını alan bot; yoksa mesajlar bir temsilciyi bekler',
  'Where visitor messages are POSTed as signed events':
    'Ziyaretçi mesajlarının imzalı olaylar olarak POST edildiği adres',
  'Codes (first sends and resends) one visitor address may request through the messenger; default 2 per hour':
    'Bir ziyaretçi adresinin messenger üzerinden isteyebileceği kodlar (ilk gönderimler ve yeniden gönderimler); varsayılan saatte 2',
  'Code requests': 'Kod istekleri',
  'Any JSON value': 'Herhangi bir JSON değeri',
};
