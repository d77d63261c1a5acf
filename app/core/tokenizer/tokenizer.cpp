// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenizer.h"

#include "modelregistry.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>
#include <QtGlobal>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <queue>

// The rank files live in a resource of a static library: the linker drops its object unless
// something refers to it, hence this call (outside any namespace, as Q_INIT_RESOURCE requires).
static void initTokenizerResources()
{
    Q_INIT_RESOURCE(fs_tokenizers);
}

namespace fs {

namespace {

// Character classes of the pre-tokenisation patterns, one bit each, per code point.
enum ClassBit : uint8_t {
    kLetter = 1, // \p{L}
    kNumber = 2, // \p{N}
    kUpperish = 4, // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}] (o200k)
    kLowerish = 8, // [\p{Ll}\p{Lm}\p{Lo}\p{M}] (o200k)
    kSpace = 16, // \s as tiktoken's Rust regex defines it (Unicode White_Space)
    kNewline = 32, // \r or \n
};

// Unicode White_Space: what \s means in the regex crate that tiktoken uses. Note that JavaScript's
// \s differs (it has U+FEFF and lacks U+0085); tiktoken is the reference.
bool isWhiteSpace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680
            || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f
            || c == 0x205f || c == 0x3000;
}

uint8_t classify(char32_t c)
{
    uint8_t bits = 0;
    if (isWhiteSpace(c))
        bits |= kSpace;
    if (c == U'\r' || c == U'\n')
        bits |= kNewline;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Titlecase:
        bits |= kLetter | kUpperish;
        break;
    case QChar::Letter_Lowercase:
        bits |= kLetter | kLowerish;
        break;
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
        bits |= kLetter | kUpperish | kLowerish;
        break;
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        bits |= kUpperish | kLowerish;
        break;
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
        bits |= kNumber;
        break;
    default:
        break;
    }
    return bits;
}

// ASCII and Latin-1 are most of the text: their classes come from a table.
const std::array<uint8_t, 256> &latin1Classes()
{
    static const std::array<uint8_t, 256> table = [] {
        std::array<uint8_t, 256> t {};
        for (char32_t c = 0; c < 256; ++c)
            t[c] = classify(c);
        return t;
    }();
    return table;
}

// The text decoded once: code points, their classes and where each starts in the UTF-8 bytes.
struct DecodedText
{
    std::vector<char32_t> cps;
    std::vector<uint8_t> classes;
    std::vector<uint32_t> byteOffset; // size cps.size() + 1
    std::string utf8;

    void decode(QStringView text)
    {
        const auto &table = latin1Classes();
        const qsizetype n = text.size();
        cps.clear();
        classes.clear();
        byteOffset.clear();
        utf8.clear();
        cps.reserve(size_t(n));
        classes.reserve(size_t(n));
        byteOffset.reserve(size_t(n) + 1);
        utf8.reserve(size_t(n) * 3);
        const char16_t *s = text.utf16();
        for (qsizetype i = 0; i < n; ++i) {
            char32_t c = s[i];
            if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
                c = QChar::surrogateToUcs4(char16_t(c), s[i + 1]);
                ++i;
            } else if (QChar::isSurrogate(c)) {
                c = 0xfffd; // a lone surrogate becomes U+FFFD, as every UTF-8 encoder does
            }
            byteOffset.push_back(uint32_t(utf8.size()));
            cps.push_back(c);
            classes.push_back(c < 256 ? table[c] : classify(c));
            if (c < 0x80) {
                utf8.push_back(char(c));
            } else if (c < 0x800) {
                utf8.push_back(char(0xc0 | (c >> 6)));
                utf8.push_back(char(0x80 | (c & 0x3f)));
            } else if (c < 0x10000) {
                utf8.push_back(char(0xe0 | (c >> 12)));
                utf8.push_back(char(0x80 | ((c >> 6) & 0x3f)));
                utf8.push_back(char(0x80 | (c & 0x3f)));
            } else {
                utf8.push_back(char(0xf0 | (c >> 18)));
                utf8.push_back(char(0x80 | ((c >> 12) & 0x3f)));
                utf8.push_back(char(0x80 | ((c >> 6) & 0x3f)));
                utf8.push_back(char(0x80 | (c & 0x3f)));
            }
        }
        byteOffset.push_back(uint32_t(utf8.size()));
    }
};

/**
 * The pre-tokeniser: the pieces tiktoken's pattern finds, written out by hand with the same
 * leftmost-alternative, greedy-with-backtracking semantics (a regex engine is several times
 * slower).
 *
 * cl100k_base:
 *   (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}
 *   | ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
 * o200k_base (U = [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}], L = [\p{Ll}\p{Lm}\p{Lo}\p{M}],
 * C = (?i:'s|'t|'re|'ve|'m|'ll|'d)):
 *   [^\r\n\p{L}\p{N}]?U*L+C?|[^\r\n\p{L}\p{N}]?U+L*C?|\p{N}{1,3}
 *   | ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
 */
class PieceSplitter
{
public:
    PieceSplitter(const DecodedText &text, bool o200k)
        : m_cps(text.cps.data())
        , m_cls(text.classes.data())
        , m_n(text.cps.size())
        , m_o200k(o200k)
    {
    }

    /// End of the piece that starts at `i` (< n).
    size_t pieceEnd(size_t i) const
    {
        if (m_o200k) {
            if (const size_t e = o200kWord(i))
                return e;
        } else {
            if (const size_t e = contraction(i))
                return e;
            if (const size_t e = cl100kWord(i))
                return e;
        }
        if (m_cls[i] & kNumber) {
            size_t e = i + 1;
            while (e < m_n && e - i < 3 && (m_cls[e] & kNumber))
                ++e;
            return e;
        }
        if (const size_t e = punctuation(i))
            return e;
        return whitespace(i);
    }

private:
    // [^\r\n\p{L}\p{N}]
    bool isOther(size_t i) const { return !(m_cls[i] & (kLetter | kNumber | kNewline)); }
    // [^\s\p{L}\p{N}]
    bool isSymbol(size_t i) const { return !(m_cls[i] & (kLetter | kNumber | kSpace)); }

    static char32_t asciiLower(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; }

    /// '(?i:'s|'t|'re|'ve|'m|'ll|'d) at i: its end, or 0. Case-insensitive for ASCII only, as
    /// tiktoken matches (a long s "ſ" does not count).
    size_t contraction(size_t i) const
    {
        if (m_cps[i] != U'\'' || i + 1 >= m_n)
            return 0;
        const char32_t c = asciiLower(m_cps[i + 1]);
        if (c == U's' || c == U't' || c == U'm' || c == U'd')
            return i + 2;
        if (i + 2 < m_n) {
            const char32_t c2 = asciiLower(m_cps[i + 2]);
            if ((c == U'r' && c2 == U'e') || (c == U'v' && c2 == U'e') || (c == U'l' && c2 == U'l'))
                return i + 3;
        }
        return 0;
    }

    size_t optionalContraction(size_t e) const
    {
        if (e < m_n) {
            if (const size_t c = contraction(e))
                return c;
        }
        return e;
    }

    /// [^\r\n\p{L}\p{N}]?\p{L}+
    size_t cl100kWord(size_t i) const
    {
        size_t j = i;
        if (!(m_cls[j] & kLetter)) {
            if (!isOther(j) || j + 1 >= m_n || !(m_cls[j + 1] & kLetter))
                return 0;
            ++j;
        }
        while (j < m_n && (m_cls[j] & kLetter))
            ++j;
        return j;
    }

    /// The two letter alternatives of o200k_base, tried in the regex's order: alternative 1 before
    /// 2; in each, the optional leading character taken first, then not; the upper-case run
    /// given back one character at a time.
    size_t o200kWord(size_t i) const
    {
        size_t starts[2];
        int startCount = 0;
        if (isOther(i) && i + 1 < m_n)
            starts[startCount++] = i + 1;
        starts[startCount++] = i;
        // Alternative 1: P? U* L+ C?
        for (int s = 0; s < startCount; ++s) {
            const size_t j = starts[s];
            size_t k = j;
            while (k < m_n && (m_cls[k] & kUpperish))
                ++k;
            // The last position t in [j, k] where L+ can start.
            for (size_t t = k + 1; t-- > j;) {
                if (t < m_n && (m_cls[t] & kLowerish)) {
                    size_t e = t + 1;
                    while (e < m_n && (m_cls[e] & kLowerish))
                        ++e;
                    return optionalContraction(e);
                }
            }
        }
        // Alternative 2: P? U+ L* C?
        for (int s = 0; s < startCount; ++s) {
            const size_t j = starts[s];
            size_t k = j;
            while (k < m_n && (m_cls[k] & kUpperish))
                ++k;
            if (k > j) {
                while (k < m_n && (m_cls[k] & kLowerish))
                    ++k;
                return optionalContraction(k);
            }
        }
        return 0;
    }

    /// ` ?[^\s\p{L}\p{N}]+[\r\n]*` (o200k: `[\r\n/]*`, which after the run is the same).
    size_t punctuation(size_t i) const
    {
        size_t j = i;
        if (m_cps[j] == U' ' && j + 1 < m_n && isSymbol(j + 1))
            ++j;
        if (!isSymbol(j))
            return 0;
        while (j < m_n && isSymbol(j))
            ++j;
        while (j < m_n && (m_cls[j] & kNewline))
            ++j;
        return j;
    }

    /// \s*[\r\n]+ | \s+(?!\S) | \s+  (i is white space here: every other character was matched).
    size_t whitespace(size_t i) const
    {
        size_t r = i;
        while (r < m_n && (m_cls[r] & kSpace))
            ++r;
        if (r == i)
            return i + 1; // unreachable: every character belongs to some alternative
        for (size_t p = r; p-- > i;) {
            if (m_cls[p] & kNewline)
                return p + 1; // \s* gives back until the last newline, [\r\n]+ takes it
        }
        if (r == m_n || r - 1 == i)
            return r;
        return r - 1; // leave the last space to the word that follows
    }

    const char32_t *m_cps;
    const uint8_t *m_cls;
    size_t m_n;
    bool m_o200k;
};

constexpr uint32_t kNoRank = 0xffffffffu;

uint64_t hashBytes(const uint8_t *p, size_t len)
{
    // FNV-1a (pieces are short; it is cheap per byte), then a multiply-xorshift so that both
    // halves are well mixed: the low bits pick the slot, the high half is the slot's tag.
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; ++i)
        h = (h ^ p[i]) * 0x100000001b3ull;
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ull;
    return h ^ (h >> 32);
}

} // namespace

class Tokenizer::Private
{
public:
    Encoding encoding = Encoding::O200kBase;
    // Every token's bytes, one after the other: token r is bytes[tokenStart[r], tokenStart[r+1]).
    std::string bytes;
    std::vector<uint32_t> tokenStart;
    // Open addressing; a slot holds (hash tag << 32 | rank) so that most mismatches are told
    // apart without touching the token bytes; kEmptySlot when free.
    std::vector<uint64_t> table;
    uint64_t mask = 0;
    // Every two-byte sequence's rank (kNoRank when not a token): the merge loop's first step.
    std::vector<uint32_t> pairRanks;

    static constexpr uint64_t kEmptySlot = ~uint64_t(0);

    uint32_t rank(const uint8_t *p, size_t len) const
    {
        const uint64_t h = hashBytes(p, len);
        const uint64_t tag = h >> 32;
        uint64_t i = h & mask;
        for (;;) {
            const uint64_t slot = table[i];
            if (slot == kEmptySlot)
                return kNoRank;
            if ((slot >> 32) == tag) {
                const uint32_t r = uint32_t(slot);
                const uint32_t start = tokenStart[r];
                if (tokenStart[r + 1] - start == len && sameBytes(bytes.data() + start, p, len))
                    return r;
            }
            i = (i + 1) & mask;
        }
    }

    static bool sameBytes(const char *a, const uint8_t *b, size_t len)
    {
        for (size_t i = 0; i < len; ++i) {
            if (uint8_t(a[i]) != b[i])
                return false;
        }
        return true;
    }

    uint32_t pairRank(const uint8_t *p) const { return pairRanks[(size_t(p[0]) << 8) | p[1]]; }

    bool load(const QByteArray &file, QString *error);
    // The steps of load(). readLines(): each line's token bytes into `bytes`, their place by
    // rank into `spans`; the first bad line's number, or 0.
    int readLines(const QByteArray &file, std::vector<std::pair<uint32_t, uint32_t>> &spans);
    /// Lays the tokens out in rank order: token r is bytes[tokenStart[r], tokenStart[r+1]).
    void layOut(const std::vector<std::pair<uint32_t, uint32_t>> &spans);
    /// The hash table from bytes to rank; false when a token is listed twice.
    bool buildTable();
    template<typename Sink>
    void encodePiece(const uint8_t *p, size_t len, Sink &&sink) const;
    template<typename Sink>
    void mergeShortPiece(const uint8_t *p, size_t len, Sink &sink) const;
    template<typename Sink>
    void mergeLongPiece(const uint8_t *p, size_t len, Sink &sink) const;
    template<typename Sink>
    void encodeText(QStringView text, Sink &&sink) const;
};

namespace {

/// The token bytes of one line: standard base64 up to `end` (padding ends it); false when a
/// character is not base64.
bool decodeBase64(const char *from, const char *end, std::string &out)
{
    static const std::array<int8_t, 256> b64 = [] {
        std::array<int8_t, 256> t;
        t.fill(-1);
        const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i)
            t[uint8_t(alphabet[i])] = int8_t(i);
        return t;
    }();
    uint32_t acc = 0;
    int bits = 0;
    for (const char *q = from; q < end; ++q) {
        if (*q == '=')
            break;
        const int v = b64[uint8_t(*q)];
        if (v < 0)
            return false;
        acc = (acc << 6) | uint32_t(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(char((acc >> bits) & 0xff));
        }
    }
    return true;
}

/// The decimal rank of one line (a trailing '\r' allowed); false when it is not a number up to
/// ten million.
bool parseRank(const char *from, const char *end, uint64_t *value)
{
    if (end > from && end[-1] == '\r')
        --end;
    if (from == end)
        return false;
    *value = 0;
    for (const char *q = from; q < end; ++q) {
        if (*q < '0' || *q > '9')
            return false;
        *value = *value * 10 + uint64_t(*q - '0');
        if (*value > 10'000'000)
            return false;
    }
    return true;
}

} // namespace

bool Tokenizer::Private::load(const QByteArray &file, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    std::vector<std::pair<uint32_t, uint32_t>> spans; // by rank: start, end in `bytes`
    if (const int badLine = readLines(file, spans); badLine > 0)
        return fail(QCoreApplication::translate(
                "fs::Tokenizer", "The tokenizer's data is damaged (line %1).")
                            .arg(badLine));
    if (spans.size() < 256)
        return fail(QCoreApplication::translate(
                "fs::Tokenizer", "The tokenizer's data is missing or incomplete."));
    layOut(spans);
    if (!buildTable())
        return fail(QCoreApplication::translate("fs::Tokenizer",
                "The tokenizer's data is damaged (a token is "
                "listed twice)."));
    // Byte-pair encoding needs every single byte to be a token.
    for (int b = 0; b < 256; ++b) {
        const uint8_t byte = uint8_t(b);
        if (rank(&byte, 1) == kNoRank)
            return fail(QCoreApplication::translate(
                    "fs::Tokenizer", "The tokenizer's data is incomplete (a byte has no token)."));
    }
    pairRanks.assign(65536, kNoRank);
    for (int i = 0; i < 65536; ++i) {
        const uint8_t pair[2] = {uint8_t(i >> 8), uint8_t(i & 0xff)};
        pairRanks[size_t(i)] = rank(pair, 2);
    }
    return true;
}

int Tokenizer::Private::readLines(
        const QByteArray &file, std::vector<std::pair<uint32_t, uint32_t>> &spans)
{
    bytes.reserve(size_t(file.size()) * 3 / 4);
    const char *p = file.constData();
    const char *end = p + file.size();
    int line = 0;
    while (p < end) {
        ++line;
        const char *eol = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!eol)
            eol = end;
        const char *space = static_cast<const char *>(std::memchr(p, ' ', size_t(eol - p)));
        if (eol == p) { // a blank line (the last one)
            p = eol + 1;
            continue;
        }
        if (!space || space == p)
            return line;
        const uint32_t start = uint32_t(bytes.size());
        uint64_t value = 0;
        if (!decodeBase64(p, space, bytes) || !parseRank(space + 1, eol, &value)
                || bytes.size() == start)
            return line;
        if (spans.size() <= value)
            spans.resize(size_t(value) + 1, {0, 0});
        if (spans[value].second != 0)
            return line; // a rank given twice
        spans[value] = {start, uint32_t(bytes.size())};
        p = eol + 1;
    }
    return 0;
}

void Tokenizer::Private::layOut(const std::vector<std::pair<uint32_t, uint32_t>> &spans)
{
    std::string ordered;
    ordered.reserve(bytes.size());
    tokenStart.resize(spans.size() + 1);
    for (size_t r = 0; r < spans.size(); ++r) {
        tokenStart[r] = uint32_t(ordered.size());
        ordered.append(bytes, spans[r].first, spans[r].second - spans[r].first);
    }
    tokenStart[spans.size()] = uint32_t(ordered.size());
    bytes.swap(ordered);
}

bool Tokenizer::Private::buildTable()
{
    const size_t count = tokenStart.size() - 1;
    size_t capacity = 1;
    while (capacity < count * 5 / 2)
        capacity <<= 1;
    mask = capacity - 1;
    table.assign(capacity, kEmptySlot);
    for (uint32_t r = 0; r < count; ++r) {
        const uint32_t len = tokenStart[r + 1] - tokenStart[r];
        if (len == 0)
            continue;
        const auto *key = reinterpret_cast<const uint8_t *>(bytes.data() + tokenStart[r]);
        if (rank(key, len) != kNoRank)
            return false;
        const uint64_t h = hashBytes(key, len);
        uint64_t i = h & mask;
        while (table[i] != kEmptySlot)
            i = (i + 1) & mask;
        table[i] = ((h >> 32) << 32) | r;
    }
    return true;
}

// tiktoken's byte-pair merge: repeatedly join the adjacent pair whose joined bytes have the lowest
// rank (the leftmost on ties) until no joined pair is a token.
template<typename Sink>
void Tokenizer::Private::encodePiece(const uint8_t *p, size_t len, Sink &&sink) const
{
    if (len == 1) {
        sink(int(rank(p, 1)));
        return;
    }
    if (const uint32_t whole = rank(p, len); whole != kNoRank) {
        sink(int(whole));
        return;
    }
    if (len <= 256)
        mergeShortPiece(p, len, sink);
    else
        mergeLongPiece(p, len, sink);
}

// Short pieces: a flat array scanned for the minimum, as tiktoken does.
template<typename Sink>
void Tokenizer::Private::mergeShortPiece(const uint8_t *p, size_t len, Sink &sink) const
{
    struct Part
    {
        uint32_t start;
        uint32_t rank;
    };
    Part parts[258];
    size_t count = len + 1;
    for (size_t i = 0; i + 1 < len; ++i)
        parts[i] = {uint32_t(i), pairRank(p + i)};
    parts[len - 1] = {uint32_t(len - 1), kNoRank};
    parts[len] = {uint32_t(len), kNoRank};
    auto pairRank = [&](size_t i) {
        return i + 3 < count ? rank(p + parts[i].start, parts[i + 3].start - parts[i].start)
                             : kNoRank;
    };
    while (count > 1) {
        uint32_t best = kNoRank;
        size_t at = 0;
        for (size_t i = 0; i + 1 < count; ++i) {
            if (parts[i].rank < best) {
                best = parts[i].rank;
                at = i;
            }
        }
        if (best == kNoRank)
            break;
        parts[at].rank = pairRank(at);
        if (at > 0)
            parts[at - 1].rank = pairRank(at - 1);
        std::memmove(parts + at + 1, parts + at + 2, (count - at - 2) * sizeof(Part));
        --count;
    }
    for (size_t i = 0; i + 1 < count; ++i)
        sink(int(rank(p + parts[i].start, parts[i + 1].start - parts[i].start)));
}

// Long pieces (a page of text without spaces): the same merges in O(n log n) with a heap and a
// linked list, so a long run cannot make counting quadratic.
template<typename Sink>
void Tokenizer::Private::mergeLongPiece(const uint8_t *p, size_t len, Sink &sink) const
{
    struct Node
    {
        uint32_t start;
        uint32_t next; // index of the next live node; len means the end
        uint32_t prev;
        uint32_t rank; // rank of this node joined with the next; kNoRank when none
        bool alive;
    };
    std::vector<Node> nodes(len + 1);
    for (size_t i = 0; i <= len; ++i)
        nodes[i] = {uint32_t(i), uint32_t(i + 1), uint32_t(i - 1), kNoRank, true};
    using Entry = std::pair<uint64_t, uint32_t>; // (rank << 32 | start), node
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    auto joinedRank = [&](uint32_t i) {
        const uint32_t n1 = nodes[i].next;
        if (n1 >= len)
            return kNoRank;
        const uint32_t n2 = nodes[n1].next;
        return rank(p + nodes[i].start, nodes[n2].start - nodes[i].start);
    };
    for (uint32_t i = 0; i + 1 < len; ++i) {
        nodes[i].rank = joinedRank(i);
        if (nodes[i].rank != kNoRank)
            heap.push({(uint64_t(nodes[i].rank) << 32) | i, i});
    }
    while (!heap.empty()) {
        const auto [key, i] = heap.top();
        heap.pop();
        if (!nodes[i].alive || nodes[i].rank != uint32_t(key >> 32))
            continue; // stale
        const uint32_t gone = nodes[i].next;
        nodes[gone].alive = false;
        nodes[i].next = nodes[gone].next;
        nodes[nodes[gone].next].prev = i;
        nodes[i].rank = joinedRank(i);
        if (nodes[i].rank != kNoRank)
            heap.push({(uint64_t(nodes[i].rank) << 32) | i, i});
        if (i > 0) {
            const uint32_t prev = nodes[i].prev;
            nodes[prev].rank = joinedRank(prev);
            if (nodes[prev].rank != kNoRank)
                heap.push({(uint64_t(nodes[prev].rank) << 32) | prev, prev});
        }
    }
    for (uint32_t i = 0; i < len; i = nodes[i].next)
        sink(int(rank(p + i, nodes[nodes[i].next].start - i)));
}

template<typename Sink>
void Tokenizer::Private::encodeText(QStringView text, Sink &&sink) const
{
    if (text.isEmpty())
        return;
    // One decoding buffer per thread: encode() stays thread-safe and allocation-free when warm.
    thread_local DecodedText decoded;
    decoded.decode(text);
    const PieceSplitter splitter(decoded, encoding == Encoding::O200kBase);
    const size_t n = decoded.cps.size();
    const auto *utf8 = reinterpret_cast<const uint8_t *>(decoded.utf8.data());
    for (size_t i = 0; i < n;) {
        const size_t e = splitter.pieceEnd(i);
        const uint32_t a = decoded.byteOffset[i];
        encodePiece(utf8 + a, decoded.byteOffset[e] - a, sink);
        i = e;
    }
    if (decoded.cps.capacity() > (size_t(1) << 20)) {
        // Don't keep a huge buffer alive in the thread after one large text.
        decoded = DecodedText();
    }
}

Tokenizer::Tokenizer(std::unique_ptr<Private> d)
    : d(std::move(d))
{
}

Tokenizer::~Tokenizer() = default;

const Tokenizer &Tokenizer::instance(Encoding encoding)
{
    static std::once_flag onceO200k;
    static std::once_flag onceCl100k;
    static std::unique_ptr<Tokenizer> o200k;
    static std::unique_ptr<Tokenizer> cl100k;
    const bool isO200k = encoding == Encoding::O200kBase;
    std::call_once(isO200k ? onceO200k : onceCl100k, [&] {
        initTokenizerResources();
        const QString path = QStringLiteral(":/tokenizers/") + encodingName(encoding)
                + QStringLiteral(".tiktoken");
        QString error;
        auto loaded = fromFile(encoding, path, &error);
        if (!loaded) // the data is compiled in: failing here is a broken build, not a user error
            qFatal("Cannot load the tokenizer %s: %s", qUtf8Printable(path), qUtf8Printable(error));
        (isO200k ? o200k : cl100k) = std::move(loaded);
    });
    return isO200k ? *o200k : *cl100k;
}

Tokenizer::Encoding Tokenizer::encodingForModel(const QString &model)
{
    // The model registry says which encoding a model (or a fine-tuned model's base) uses;
    // models without an OpenAI encoding ("approximate", e.g. Together's Llama and Qwen models)
    // are counted with o200k_base as an estimate.
    return ModelRegistry::tokenizer(model) == QLatin1String("cl100k_base") ? Encoding::Cl100kBase
                                                                           : Encoding::O200kBase;
}

QString Tokenizer::encodingName(Encoding encoding)
{
    return encoding == Encoding::O200kBase ? QStringLiteral("o200k_base")
                                           : QStringLiteral("cl100k_base");
}

Tokenizer::Encoding Tokenizer::encoding() const
{
    return d->encoding;
}

std::vector<int> Tokenizer::encode(QStringView text) const
{
    std::vector<int> tokens;
    tokens.reserve(size_t(text.size()) / 3 + 4);
    d->encodeText(text, [&tokens](int t) { tokens.push_back(t); });
    return tokens;
}

int Tokenizer::count(QStringView text) const
{
    int n = 0;
    d->encodeText(text, [&n](int) { ++n; });
    return n;
}

QString Tokenizer::decode(const std::vector<int> &tokens) const
{
    QByteArray utf8;
    const int ranks = int(d->tokenStart.size()) - 1;
    for (const int t : tokens) {
        if (t < 0 || t >= ranks)
            continue; // not a token of this encoding (special tokens have no bytes here)
        const uint32_t start = d->tokenStart[size_t(t)];
        utf8.append(d->bytes.data() + start, qsizetype(d->tokenStart[size_t(t) + 1] - start));
    }
    // Not QString::fromUtf8: it would drop a U+FEFF at the start as a byte order mark.
    QStringDecoder toUtf16(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return toUtf16(utf8);
}

int Tokenizer::tokenCount() const
{
    return int(d->tokenStart.size()) - 1;
}

std::unique_ptr<Tokenizer> Tokenizer::fromFile(
        Encoding encoding, const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = QCoreApplication::translate(
                    "fs::Tokenizer", "Cannot read the tokenizer's data (%1): %2")
                             .arg(path, file.errorString());
        }
        return nullptr;
    }
    const QByteArray data = file.readAll();
    auto d = std::make_unique<Private>();
    d->encoding = encoding;
    if (!d->load(data, error))
        return nullptr;
    return std::unique_ptr<Tokenizer>(new Tokenizer(std::move(d)));
}

} // namespace fs
