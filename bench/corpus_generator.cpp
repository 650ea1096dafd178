#include "corpus_generator.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

namespace lectern::bench {

namespace fs = std::filesystem;

namespace {

// Call-centre vocabulary per language: content words, then the function words that make
// up half of any real text. Inflected forms come from the suffixes below.
struct Language {
    const char* code;
    const char* words;
    const char* function_words;
    const char* suffixes;  // "" is the bare word
};

constexpr Language kLanguages[] = {
    {"en",
     "account address agent alarm answer appliance appointment balance battery bill billing boiler "
     "breaker "
     "broadband callback caller cancel card charge check checklist complaint confirm connection "
     "contract credit "
     "customer damage debit delay deposit direct discount dispute electricity email emergency "
     "energy engineer "
     "error escalate escalation estimate failure fault fee form fuse gas guarantee headset heating "
     "identity "
     "incident installation internet invoice laptop leak letter light line lock login meter "
     "microphone modem "
     "monthly move network notice number offer outage overdue password payment penalty phone plan "
     "postcode "
     "power prepayment price problem queue reading reconnect record refund reimbursement reminder "
     "repair "
     "request reset router safety schedule screen security service settlement shift signal smart "
     "socket "
     "standing statement supervisor supplier supply survey switch tariff technician telephone "
     "transfer "
     "troubleshoot update usage verify voicemail vpn warning weekend wifi window wrong",
     "the a an and or to of in on for with at by from is are was be this that it you your we our "
     "they if "
     "when then not no please can will should must before after",
     " s s ed ing er"},
    {"pl",
     "abonament adres agent awaria bezpieczeństwo blokada czujnik dane dostawca dług dyżur ekran "
     "energia "
     "faktura formularz gaz gwarancja hasło identyfikacja internet kabel karta klient kod konto "
     "kontrakt "
     "korekta koszt licznik linia logowanie modem naprawa numer obsługa odczyt odsetki okres "
     "opłata "
     "ostrzeżenie płatność podłączenie pogotowie pomiar poprawka posiłek potwierdzenie prąd "
     "problem "
     "procedura przełożony przerwa przyłącze rachunek reklamacja router rozmowa rozliczenie "
     "rozmówca serwis "
     "sieć skarga słuchawka sprawa spółka stawka status szkoda taryfa technik telefon termin umowa "
     "usługa "
     "usterka weryfikacja wezwanie wniosek wsparcie wtyczka wyłącznik zadłużenie zamówienie "
     "zapłata "
     "zasilanie zgłoszenie zmiana zwrot żółty",
     "i w na z do nie się to że jest jak po od za o czy ale dla przez przy", " a u em y ów ie ach"},
    {"nb",
     "abonnement adresse agent alarm avtale betaling bredbånd data dekning faktura feil forbruk "
     "forsinkelse "
     "fullmakt gebyr hjelp hodetelefon identitet kabel klage kode konto kort kunde ladning "
     "leverandør "
     "linje lås måler melding målepunkt nettverk nummer oppdatering oppsigelse passord problem "
     "pris "
     "refusjon regning reparasjon ruter sikkerhet sikring skjerm spørsmål strøm strømbrudd samtale "
     "tariff tekniker telefon tilbakebetaling tilkobling tjeneste utkobling vaktleder varsel "
     "verifisering "
     "vedlikehold vindu øyeblikk ønske",
     "og i på er det en som til av for med har du ikke at vi kan skal eller",
     " en et ene er ene s"},
    {"et",
     "aadress abi agent arve arvesti elekter energia hind häire isikukood juhtum kaart kaebus "
     "kasutaja "
     "katkestus klient kliendi konto kood kõne leping liin lukk makse mõõtja parool probleem rike "
     "ruuter "
     "seade side sülearvuti tagastus tarne teade teenus tehnik telefon tellimus turvalisus vahetus "
     "viga võrk õigus ühendus ülevaade šokolaad",
     "ja on ei et ka see mis kui oma aga või kes", " i d ga st le s"},
    {"ru",
     "абонент адрес авария адресат баланс безопасность вопрос возврат вызов гарантия договор "
     "доступ "
     "жалоба задолженность заявка звонок идентификация интернет карта клиент код компенсация "
     "контракт "
     "линия логин модем напряжение неисправность номер оплата отключение ошибка пароль платёж "
     "подключение "
     "поставщик пароль проблема проверка роутер сбой связь сеть скидка служба счёт счётчик тариф "
     "техник "
     "телефон услуга электричество экран",
     "и в на не что с по как это к у за из о от но или если", " а ы ом ов е у ами"},
};

struct Vocabulary {
    std::string code;
    std::vector<std::string> words;  // content words with their inflections
    std::vector<std::string> function;
};

std::vector<std::string> split(const char* text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

const std::vector<Vocabulary>& vocabularies() {
    static const std::vector<Vocabulary> v = [] {
        std::vector<Vocabulary> out;
        for (const auto& lang : kLanguages) {
            Vocabulary voc{lang.code, {}, split(lang.function_words)};
            std::vector<std::string> suffixes{""};
            for (auto& s : split(lang.suffixes)) suffixes.push_back(s);
            for (const auto& w : split(lang.words)) {
                for (const auto& s : suffixes) voc.words.push_back(w + s);
            }
            out.push_back(std::move(voc));
        }
        return out;
    }();
    return v;
}

// Word frequencies in real text follow Zipf's law: a few words everywhere, most rare.
class Zipf {
  public:
    explicit Zipf(std::size_t n) : cdf_(n) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            cdf_[i] = (sum += 1.0 / std::pow(static_cast<double>(i + 1), 1.05));
        for (auto& c : cdf_) c /= sum;
    }
    std::size_t operator()(std::mt19937_64& rng) const {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        return static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) -
                                        cdf_.begin());
    }

  private:
    std::vector<double> cdf_;
};

std::string capitalized(std::string w) {
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
    return w;
}

class Writer {
  public:
    Writer(const Vocabulary& voc, std::mt19937_64& rng)
        : voc_(voc), rng_(rng), zipf_(voc.words.size()) {}

    std::string word() { return voc_.words[zipf_(rng_)]; }
    std::string any_word() {
        if (pick(3) == 0) return voc_.function[pick(voc_.function.size())];
        return word();
    }
    std::size_t pick(std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
    }

    std::string words(std::size_t n, bool with_function_words) {
        std::string out;
        for (std::size_t i = 0; i < n; ++i)
            out += (i ? " " : "") + (with_function_words ? any_word() : word());
        return out;
    }
    std::string sentence() { return capitalized(words(6 + pick(11), true)) + "."; }
    std::string paragraph() {
        std::string out;
        for (std::size_t i = 0, n = 2 + pick(4); i < n; ++i) out += (i ? " " : "") + sentence();
        return out + "\n";
    }

  private:
    const Vocabulary& voc_;
    std::mt19937_64& rng_;
    Zipf zipf_;
};

struct DocMeta {
    std::string id;
    std::string path;
    bool script = false;
    std::size_t lang = 0;
};

// Type and language follow from the document's number: touch_documents finds it again.
DocMeta doc_meta(std::size_t n) {
    DocMeta m;
    // Half English, the rest shared by the other languages, as in a real multilingual space.
    static constexpr std::size_t kLangCycle[] = {0, 1, 0, 2, 0, 3, 0, 4, 0, 1};
    m.lang = kLangCycle[n % 10];
    m.script = n % 10 == 3 || n % 10 == 6 || n % 10 == 9;
    m.id = "doc-" + std::to_string(n) + "-" + vocabularies()[m.lang].code;
    m.path = std::string(m.script ? "scripts/" : "procedures/") + m.id + ".md";
    return m;
}

std::string document(std::size_t n, std::uint64_t seed) {
    const DocMeta m = doc_meta(n);
    std::mt19937_64 rng(seed * 1000003 + n);
    const Vocabulary& voc = vocabularies()[m.lang];
    Writer w(voc, rng);
    std::ostringstream out;
    out << "---\nid: " << m.id << "\ntype: " << (m.script ? "script" : "procedure") << "\ntitle: \""
        << capitalized(w.words(2 + w.pick(4), false)) << "\"\nlang: " << voc.code
        << "\nowner: agent.trainer\nupdated: 2026-10-01\n";
    if (m.script) {
        out << "audience: [agents]\n";
    } else {
        out << "review_by: 2027-04-01\nsignoff: required\n";
    }
    out << "tags: [tag-" << w.pick(40) << ", tag-" << w.pick(40) + 40 << "]\n"
        << "summary: \"" << w.sentence() << "\"\n---\n\n"
        << w.paragraph() << '\n';
    for (std::size_t s = 0, sections = 3 + w.pick(4); s < sections; ++s) {
        out << "## " << capitalized(w.words(2 + w.pick(3), false)) << "\n\n"
            << w.paragraph() << '\n';
        if (w.pick(2) == 0) {
            for (std::size_t i = 0, items = 2 + w.pick(4); i < items; ++i)
                out << "- " << w.sentence() << '\n';
            out << '\n';
        }
    }
    return out.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

}  // namespace

void write_corpus(const fs::path& root, const CorpusOptions& options) {
    write_file(root / "lectern.yaml",
               "title: Benchmark space\nclient: Benchmark\nlanguages: [en, pl, nb, et, "
               "ru]\ndefault_lang: en\n");
    write_file(
        root / "synonyms.txt",
        "refund = reimbursement, money back\ninvoice = bill, statement\nrouter = modem, hub\n"
        "outage = power failure, blackout\nzwrot = refundacja\nstrømbrudd = strømstans\n");
    for (std::size_t n = 0; n < options.documents; ++n)
        write_file(root / doc_meta(n).path, document(n, options.seed));
}

std::vector<std::string> touch_documents(const fs::path& root, std::size_t count,
                                         std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::string> paths;
    std::size_t total = 0;
    for (const char* folder : {"procedures", "scripts"}) {
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(root / folder)) ++total;
    }
    while (paths.size() < count) {
        const DocMeta m = doc_meta(std::uniform_int_distribution<std::size_t>(0, total - 1)(rng));
        if (std::find(paths.begin(), paths.end(), m.path) != paths.end()) continue;
        std::ifstream in(root / m.path, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Writer w(vocabularies()[m.lang], rng);
        write_file(root / m.path, bytes + w.paragraph());
        paths.push_back(m.path);
    }
    return paths;
}

std::vector<std::string> make_queries(std::size_t count, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::string> out;
    const auto& vocs = vocabularies();
    while (out.size() < count) {
        const Vocabulary& voc =
            vocs[std::uniform_int_distribution<std::size_t>(0, 9)(rng) < 5
                     ? 0
                     : std::uniform_int_distribution<std::size_t>(1, vocs.size() - 1)(rng)];
        Writer w(voc, rng);
        const std::size_t kind = w.pick(10);
        if (kind < 4) {
            // Typing one letter at a time: every prefix of one or two words.
            const std::string first = w.word();
            const std::string second = w.pick(2) ? w.word() : "";
            const std::string typed = second.empty() ? first : first + " " + second;
            for (std::size_t i = 1; i <= typed.size(); ++i) {
                if ((static_cast<unsigned char>(typed[i - 1]) & 0xC0) == 0x80 && i < typed.size() &&
                    (static_cast<unsigned char>(typed[i]) & 0xC0) == 0x80) {
                    continue;  // never cut a character in two
                }
                if (i < typed.size() && (static_cast<unsigned char>(typed[i]) & 0xC0) == 0x80)
                    continue;
                if (typed[i - 1] == ' ') continue;
                out.push_back(typed.substr(0, i));
            }
        } else if (kind < 7) {
            out.push_back(w.word() + " " + w.word() + " ");
        } else if (kind < 9) {
            out.push_back(w.word() + " ");
        } else {
            // A typo: two letters swapped, in an ASCII word long enough to be recognisable.
            std::string word = w.word();
            if (word.size() >= 5 &&
                std::all_of(word.begin(), word.end(), [](char c) { return c > 0; })) {
                const std::size_t i = 1 + w.pick(word.size() - 2);
                std::swap(word[i], word[i + 1]);
            }
            out.push_back(word + " ");
        }
    }
    out.resize(count);
    return out;
}

}  // namespace lectern::bench
