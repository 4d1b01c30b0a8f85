/**
 * The settings form's titles and hints in Turkish, by their English text: the document as a
 * whole, the verification defaults and the plain fields, the limits, the fraud guard, the
 * country and number-type rules, the safelist and the test numbers.
 */
export const verificationTexts: Readonly<Record<string, string>> = {
  'App settings': 'Uygulama ayarları',
  'App settings; every field is optional on PUT and takes its default':
    'Uygulama ayarları; PUT isteğinde her alan isteğe bağlıdır ve verilmediğinde varsayılan değerini alır',
  'Defaults for new verifications; a request may still set codeLength and ttlSeconds':
    'Yeni doğrulamaların varsayılanları; bir istek codeLength ve ttlSeconds değerlerini yine de kendisi belirleyebilir',
  'Digits in a code when the request names no `codeLength`':
    'İstek `codeLength` belirtmediğinde bir koddaki rakam sayısı',
  'Seconds a code stays valid when the request names no `ttlSeconds`':
    'İstek `ttlSeconds` belirtmediğinde bir kodun geçerli kaldığı süre (saniye)',
  'Checks allowed per verification; a resend does not reset them':
    'Doğrulama başına izin verilen kontrol sayısı; yeniden gönderim bu sayıyı sıfırlamaz',
  'Codes sent per verification, the first one included':
    'Doğrulama başına gönderilen kod sayısı, ilk kod dahil',
  'Seconds after a send before the next resend is accepted':
    'Bir gönderimden sonra yeniden gönderim kabul edilene kadar geçmesi gereken süre (saniye)',
  'Locale of a verification whose request names none; picks its template':
    'İsteği dil belirtmeyen bir doğrulamanın dili; doğrulamanın şablonunu bu dil belirler',
  'Country assumed for a national phone number sent without `country`, e.g. `TR`':
    '`country` olmadan gönderilen ulusal biçimli bir telefon numarası için varsayılan ülke, örneğin `TR`',
  "The Android app's SMS Retriever hash, e.g. `FA+9qCX9VSu`: added to every SMS on a line of its own so the app reads the code by itself. SMS only":
    "Android uygulamasının SMS Retriever hash değeri, örneğin `FA+9qCX9VSu`: her SMS'e ayrı bir satır olarak eklenir, böylece uygulama kodu kendisi okur. Yalnızca SMS",
  'Host the code is bound to (WebOTP, origin-bound one-time codes), e.g. `shop.example`: every SMS ends with the line `@shop.example #CODE`, so browsers on that site fill it in. SMS only':
    'Kodun bağlı olduğu alan adı (WebOTP, kaynağa bağlı tek kullanımlık kodlar), örneğin `shop.example`: her SMS `@shop.example #CODE` satırıyla biter, böylece o sitedeki tarayıcılar kodu kendiliğinden doldurur. Yalnızca SMS',
  'Abuse limits across verifications; a refusal answers 429 naming the limit':
    'Doğrulamalar genelinde kötüye kullanım sınırları; reddedilen istek, sınırı belirten bir 429 yanıtı alır',
  'Codes requested (creates and resends) per end-user IP (`clientIp`, else the request address); default 10 per hour; max 0 = no limit':
    "Son kullanıcı IP'si (`clientIp`, yoksa isteğin adresi) başına istenen kodlar (oluşturma ve yeniden gönderim); varsayılan saatte 10; max 0 = sınır yok",
  'Units allowed per window; 0 = no limit': 'Pencere başına izin verilen birim; 0 = sınır yok',
  'Window length (s)': 'Pencere uzunluğu (sn)',
  'Codes sent to one destination across verifications (creates and resends); default 5 per 10 minutes and 20 per day':
    'Doğrulamalar genelinde tek bir alıcıya gönderilen kodlar (oluşturma ve yeniden gönderim); varsayılan 10 dakikada 5 ve günde 20',
  'Units per window': 'Pencere başına birim',
  'Wrong codes per destination from one end-user IP (`clientIp`, else the request address); default 10 per hour':
    "Tek bir son kullanıcı IP'sinden (`clientIp`, yoksa isteğin adresi) alıcı başına yanlış kodlar; varsayılan saatte 10",
  'Wrong codes per destination from anywhere; default 50 per day':
    'Nereden gelirse gelsin alıcı başına yanlış kodlar; varsayılan günde 50',
  "The app's budget of codes sent per channel; default 100000 per day; max 0 = no limit":
    'Uygulamanın kanal başına gönderilen kod bütçesi; varsayılan günde 100000; max 0 = sınır yok',
  "The app's budget of codes sent per country of the phone number; default 20000 per day; max 0 = no limit":
    'Uygulamanın, telefon numarasının ülkesi başına gönderilen kod bütçesi; varsayılan günde 20000; max 0 = sınır yok',
  'SMS-pumping guard for sms, whatsapp and voice: sends and approvals are counted per number prefix (the number without its last 4 digits) and per country; a prefix with at least `minSends` sends in the window and a conversion under `minConversion` is blocked for `blockSeconds` (403 `blocked_by_fraud_guard`). Fails open on counting (the rate limits, which fail closed, still bound the volume)':
    'SMS, WhatsApp ve sesli arama için SMS pompalama koruması: gönderimler ve onaylar numara aralığına (numaranın son 4 hanesi hariç) ve ülkeye göre sayılır; pencere içinde en az `minSends` gönderim alan ve dönüşümü `minConversion` altında kalan bir aralık `blockSeconds` süresince engellenir (403 `blocked_by_fraud_guard`). Sayım yapılamazsa engellemez (sayım yapılamadığında reddeden hız sınırları hacmi yine de sınırlar)',
  '`enforce` (default) blocks a prefix that looks pumped; `monitor` records the decision and blocks nothing; `off` counts and records nothing':
    '`enforce` (varsayılan) pompalanmış görünen bir aralığı engeller; `monitor` kararı kaydeder, hiçbir şeyi engellemez; `off` hiçbir şeyi saymaz ve kaydetmez',
  'Sliding window over which sends and approvals are counted (s); default 3600':
    'Gönderimlerin ve onayların sayıldığı kayan pencere (sn); varsayılan 3600',
  'Sends to one prefix within the window before its conversion is judged; default 30':
    'Bir aralığın dönüşümü değerlendirilmeden önce pencere içinde ona yapılması gereken gönderim sayısı; varsayılan 30',
  'Approvals per send (0–1) a prefix must keep once it has `minSends`; below it the prefix is blocked; default 0.1':
    'Bir aralığın `minSends` gönderime ulaştıktan sonra tutturması gereken gönderim başına onay oranı (0–1); altında kalan aralık engellenir; varsayılan 0.1',
  'How long a block lasts (s); default 43200 (12 hours)':
    'Bir engelin ne kadar süreceği (sn); varsayılan 43200 (12 saat)',
  'Countries per phone channel, e.g. {"sms": {"allow": ["TR", "TZ"]}} or {"sms": {"deny": ["XX"]}}; a channel without a rule reaches every country. Email is exempt. A refused number answers 403 country_not_allowed':
    'Telefon kanalı başına ülkeler, örneğin {"sms": {"allow": ["TR", "TZ"]}} ya da {"sms": {"deny": ["XX"]}}; kuralı olmayan kanal her ülkeye ulaşır. E-posta bu kuralın dışındadır. Reddedilen numara 403 country_not_allowed yanıtını alır',
  'Only numbers of these countries receive codes; a number of no country neither':
    'Yalnızca bu ülkelerin numaraları kod alır; hiçbir ülkeye ait olmayan numara da almaz',
  'Numbers of these countries receive no codes': 'Bu ülkelerin numaraları kod almaz',
  'Kinds of phone number that may receive codes, on every phone channel (email is exempt). Mobile, fixed-line, personal, pager, UAN and voicemail numbers are always allowed. A refused number answers 403 number_type_not_allowed':
    'Her telefon kanalında kod alabilecek numara türleri (e-posta bu kuralın dışındadır). Mobil, sabit hat, kişisel, çağrı cihazı, UAN ve sesli mesaj numaralarına her zaman izin verilir. Reddedilen numara 403 number_type_not_allowed yanıtını alır',
  'Premium-rate numbers; default refused': 'Ek ücretli numaralar; varsayılan: reddedilir',
  'Shared-cost numbers; default refused': 'Paylaşımlı ücretli numaralar; varsayılan: reddedilir',
  'VoIP numbers; default allowed': 'VoIP numaraları; varsayılan: izin verilir',
  'Toll-free numbers; default allowed': 'Ücretsiz hat numaraları; varsayılan: izin verilir',
  'Numbers whose type libphonenumber cannot tell; default allowed':
    "Türünü libphonenumber'ın belirleyemediği numaralar; varsayılan: izin verilir",
  'E.164 numbers (`+905551234567`) or prefixes (`+90555`) that bypass geo permissions, number types and the SMS-pumping guard; attempt and rate limits still apply':
    'Ülke izinlerini, numara türlerini ve SMS pompalama korumasını atlayan E.164 numaralar (`+905551234567`) ya da önekler (`+90555`); deneme ve hız sınırları yine geçerlidir',
  'Numbers with a fixed code: never sent (no provider, no sandbox), never counted by a limit, exempt from geo permissions; their verifications read `test: true`':
    'Sabit kodlu numaralar: kod hiç gönderilmez (ne sağlayıcıya ne deneme ortamına), hiçbir sınırda sayılmaz, ülke izinlerinden muaftır; doğrulamalarında `test: true` yer alır',
  'The test number in E.164': 'E.164 biçiminde test numarası',
  'The fixed code every verification of this number expects':
    'Bu numaranın her doğrulamasında beklenen sabit kod',
};
