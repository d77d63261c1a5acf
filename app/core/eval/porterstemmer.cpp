// SPDX-License-Identifier: GPL-3.0-or-later
#include "porterstemmer.h"

#include <array>
#include <functional>

namespace fs {
namespace {

// Written from Porter's paper ("An algorithm for suffix stripping", 1980) plus the documented
// behaviour of NLTK's default mode; each NLTK deviation is marked "NLTK".

using Word = std::string;

bool endsWith(const Word &w, std::string_view suffix)
{
    return w.size() >= suffix.size()
            && std::string_view(w).substr(w.size() - suffix.size()) == suffix;
}

bool isVowelLetter(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// A consonant is a letter other than a e i o u, and other than y preceded by a consonant;
// a y at the start is a consonant.
bool isConsonant(std::string_view w, size_t i)
{
    if (isVowelLetter(w[i]))
        return false;
    if (w[i] == 'y')
        return i == 0 ? true : !isConsonant(w, i - 1);
    return true;
}

// m in [C](VC){m}[V]: the number of vowel→consonant transitions.
int measure(std::string_view w)
{
    int m = 0;
    bool previousVowel = false;
    for (size_t i = 0; i < w.size(); ++i) {
        const bool consonant = isConsonant(w, i);
        if (consonant && previousVowel)
            ++m;
        previousVowel = !consonant;
    }
    return m;
}

bool containsVowel(std::string_view w)
{
    for (size_t i = 0; i < w.size(); ++i) {
        if (!isConsonant(w, i))
            return true;
    }
    return false;
}

bool endsDoubleConsonant(std::string_view w)
{
    const size_t n = w.size();
    return n >= 2 && w[n - 1] == w[n - 2] && isConsonant(w, n - 1);
}

// *o: ends consonant-vowel-consonant, the last not w, x or y. NLTK: also a two-letter
// vowel-consonant word.
bool endsCvc(std::string_view w)
{
    const size_t n = w.size();
    if (n >= 3 && isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1)
            && w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y')
        return true;
    return n == 2 && !isConsonant(w, 0) && isConsonant(w, 1);
}

using Condition = bool (*)(std::string_view stem, std::string_view word);

struct Rule
{
    std::string_view suffix;
    std::string_view replacement;
    Condition condition; ///< nullptr: always
};

bool positiveMeasure(std::string_view stem, std::string_view)
{
    return measure(stem) > 0;
}

bool measureAboveOne(std::string_view stem, std::string_view)
{
    return measure(stem) > 1;
}

// The first rule whose suffix matches decides: applied when its condition holds, else the word
// stays as it is (later rules are not tried).
template<size_t N>
Word applyRules(const Word &w, const std::array<Rule, N> &rules)
{
    for (const Rule &rule : rules) {
        if (endsWith(w, rule.suffix)) {
            const std::string_view stem =
                    std::string_view(w).substr(0, w.size() - rule.suffix.size());
            if (!rule.condition || rule.condition(stem, w))
                return Word(stem) + Word(rule.replacement);
            return w;
        }
    }
    return w;
}

Word replaceSuffix(const Word &w, size_t suffixLength, std::string_view replacement)
{
    return w.substr(0, w.size() - suffixLength) + Word(replacement);
}

Word step1a(const Word &w)
{
    if (endsWith(w, "ies") && w.size() == 4) // NLTK: "ties" → "tie", "dies" → "die"
        return replaceSuffix(w, 3, "ie");
    static const std::array<Rule, 4> rules = {{
            {"sses", "ss", nullptr},
            {"ies", "i", nullptr},
            {"ss", "ss", nullptr},
            {"s", "", nullptr},
    }};
    return applyRules(w, rules);
}

Word step1b(const Word &w)
{
    if (endsWith(w, "ied")) // NLTK: "tied" → "tie", "cried" → "cri"
        return replaceSuffix(w, 3, w.size() == 4 ? "ie" : "i");
    if (endsWith(w, "eed")) {
        const std::string_view stem = std::string_view(w).substr(0, w.size() - 3);
        return measure(stem) > 0 ? Word(stem) + "ee" : w;
    }
    Word stem;
    bool removed = false;
    for (std::string_view suffix : {std::string_view("ed"), std::string_view("ing")}) {
        if (endsWith(w, suffix)) {
            stem = w.substr(0, w.size() - suffix.size());
            if (containsVowel(stem)) {
                removed = true;
                break;
            }
        }
    }
    if (!removed)
        return w;
    if (endsWith(stem, "at") || endsWith(stem, "bl") || endsWith(stem, "iz"))
        return stem + "e";
    if (endsDoubleConsonant(stem)) {
        const char last = stem.back();
        if (last == 'l' || last == 's' || last == 'z')
            return stem;
        stem.pop_back();
        return stem;
    }
    if (measure(stem) == 1 && endsCvc(stem))
        return stem + "e";
    return stem;
}

Word step1c(const Word &w)
{
    // NLTK: y → i only after a consonant that is not the whole stem ("happy" → "happi",
    // "enjoy" and "by" stay).
    if (endsWith(w, "y") && w.size() > 2 && isConsonant(w, w.size() - 2))
        return replaceSuffix(w, 1, "i");
    return w;
}

bool logiCondition(std::string_view stem, std::string_view word)
{
    // NLTK measures the word without "ogi" (the stem keeps its "l").
    (void)stem;
    return measure(word.substr(0, word.size() - 3)) > 0;
}

Word step2(const Word &w)
{
    if (endsWith(w, "alli") && measure(std::string_view(w).substr(0, w.size() - 4)) > 0)
        return step2(replaceSuffix(w, 4, "al")); // NLTK
    static const std::array<Rule, 22> rules = {{
            {"ational", "ate", positiveMeasure}, {"tional", "tion", positiveMeasure},
            {"enci", "ence", positiveMeasure}, {"anci", "ance", positiveMeasure},
            {"izer", "ize", positiveMeasure},
            {"bli", "ble", positiveMeasure}, // NLTK: instead of the paper's abli → able
            {"alli", "al", positiveMeasure}, {"entli", "ent", positiveMeasure},
            {"eli", "e", positiveMeasure}, {"ousli", "ous", positiveMeasure},
            {"ization", "ize", positiveMeasure}, {"ation", "ate", positiveMeasure},
            {"ator", "ate", positiveMeasure}, {"alism", "al", positiveMeasure},
            {"iveness", "ive", positiveMeasure}, {"fulness", "ful", positiveMeasure},
            {"ousness", "ous", positiveMeasure}, {"aliti", "al", positiveMeasure},
            {"iviti", "ive", positiveMeasure}, {"biliti", "ble", positiveMeasure},
            {"fulli", "ful", positiveMeasure}, // NLTK
            {"logi", "log", logiCondition}, // NLTK
    }};
    return applyRules(w, rules);
}

Word step3(const Word &w)
{
    static const std::array<Rule, 7> rules = {{
            {"icate", "ic", positiveMeasure},
            {"ative", "", positiveMeasure},
            {"alize", "al", positiveMeasure},
            {"iciti", "ic", positiveMeasure},
            {"ical", "ic", positiveMeasure},
            {"ful", "", positiveMeasure},
            {"ness", "", positiveMeasure},
    }};
    return applyRules(w, rules);
}

bool ionCondition(std::string_view stem, std::string_view)
{
    return measure(stem) > 1 && !stem.empty() && (stem.back() == 's' || stem.back() == 't');
}

Word step4(const Word &w)
{
    static const std::array<Rule, 19> rules = {{
            {"al", "", measureAboveOne},
            {"ance", "", measureAboveOne},
            {"ence", "", measureAboveOne},
            {"er", "", measureAboveOne},
            {"ic", "", measureAboveOne},
            {"able", "", measureAboveOne},
            {"ible", "", measureAboveOne},
            {"ant", "", measureAboveOne},
            {"ement", "", measureAboveOne},
            {"ment", "", measureAboveOne},
            {"ent", "", measureAboveOne},
            {"ion", "", ionCondition},
            {"ou", "", measureAboveOne},
            {"ism", "", measureAboveOne},
            {"ate", "", measureAboveOne},
            {"iti", "", measureAboveOne},
            {"ous", "", measureAboveOne},
            {"ive", "", measureAboveOne},
            {"ize", "", measureAboveOne},
    }};
    return applyRules(w, rules);
}

Word step5a(const Word &w)
{
    if (!endsWith(w, "e"))
        return w;
    const std::string_view stem = std::string_view(w).substr(0, w.size() - 1);
    const int m = measure(stem);
    if (m > 1 || (m == 1 && !endsCvc(stem)))
        return Word(stem);
    return w;
}

Word step5b(const Word &w)
{
    if (endsWith(w, "ll") && measure(std::string_view(w).substr(0, w.size() - 1)) > 1)
        return w.substr(0, w.size() - 1);
    return w;
}

// NLTK: irregular forms looked up before any rule.
const char *irregular(std::string_view w)
{
    struct Form
    {
        std::string_view word;
        const char *stem;
    };
    static const Form forms[] = {
            {"sky", "sky"},
            {"skies", "sky"},
            {"dying", "die"},
            {"lying", "lie"},
            {"tying", "tie"},
            {"news", "news"},
            {"innings", "inning"},
            {"inning", "inning"},
            {"outings", "outing"},
            {"outing", "outing"},
            {"cannings", "canning"},
            {"canning", "canning"},
            {"howe", "howe"},
            {"proceed", "proceed"},
            {"exceed", "exceed"},
            {"succeed", "succeed"},
    };
    for (const Form &form : forms) {
        if (form.word == w)
            return form.stem;
    }
    return nullptr;
}

} // namespace

std::string PorterStemmer::stem(std::string_view input)
{
    // NLTK looks the word up as given (so "Dying" is not irregular), then lower-cases.
    if (const char *form = irregular(input))
        return form;
    Word w(input);
    for (char &c : w) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    if (w.size() <= 2) // NLTK: short words stay
        return w;
    w = step1a(w);
    w = step1b(w);
    w = step1c(w);
    w = step2(w);
    w = step3(w);
    w = step4(w);
    w = step5a(w);
    w = step5b(w);
    return w;
}

QString PorterStemmer::stem(const QString &word)
{
    const QByteArray utf8 = word.toUtf8();
    return QString::fromStdString(stem(std::string_view(utf8.constData(), size_t(utf8.size()))));
}

} // namespace fs
