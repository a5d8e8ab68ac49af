"""Which answers raise which contraindication flags. Pure functions, no database.

Missing a flag is the worst mistake this product can make, so every rule errs
towards raising one: "not sure" counts as "yes", a "no" with something written in
the box meant for a "yes" counts as unclear, and the medicines a patient writes
down are checked for names that raise a flag even if they answered "no", and even with
a letter of a long name typed wrong.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

YES, NO, NOT_SURE = "yes", "no", "not_sure"
YES_NO_CHOICES = ((YES, "Yes"), (NO, "No"), (NOT_SURE, "Not sure"))
# Whole answers that mean "nothing", matched exactly: "no allergies except penicillin"
# is not one of them, so it still raises its flag.
NOTHING_WORDS = {
    "", "-", "--", "n/a", "na", "nil", "no", "none", "nothing", "not applicable",
    "no allergies", "no allergy", "no known allergies", "no known allergy", "none known",
    "nothing known", "nka", "nkda", "no known drug allergies", "i have no allergies",
    "i have none",
}  # fmt: skip
# Hedges such as "not that I know of" are left out on purpose: they are closer to
# "not sure", which counts as "yes".


@dataclass(frozen=True)
class QuestionRule:
    key: str
    kind: str
    flag: str = ""
    flag_answers: tuple[str, ...] = ()
    flag_when_filled: bool = False
    scan_for_keywords: bool = False


def raises_flag(rule, answer, details=""):
    """Does this one answer, with its follow-up details, raise the question's own flag?"""
    if not rule.flag:
        return False
    if rule.kind == "yes_no":
        # Only a clear "no" clears it: "yes", "not sure", a missing answer and a "no"
        # with details written (say, "warfarin", or "cold sore on my lip") all raise it.
        return answer != NO or not says_nothing(details)
    if rule.kind == "text":
        return rule.flag_when_filled and not says_nothing(answer)
    return answer in rule.flag_answers


def says_nothing(text):
    return normalise(text).strip(" .!") in NOTHING_WORDS


def normalise(text):
    """Lower case, single spaces, and plain letters: accents, full-width letters, invisible
    characters and the many kinds of dash pasted from web pages or phones would otherwise
    hide a name ('Wárfarin', 'war\u00adfarin', 'fish\u2011oil')."""
    lowered = unicodedata.normalize("NFKC", str(text or "")).lower()
    return re.sub(r"\s+", " ", unhidden(lowered)).strip()


def unhidden(text):
    """The text as a reader sees it, in its own case: full-width letters made plain,
    accents, zero-width spaces and soft hyphens gone, every dash a "-" and every
    apostrophe a "'"."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return "".join(_plain(char) for char in text)


def _plain(char):
    category = unicodedata.category(char)
    if category in ("Mn", "Cf"):  # accents left by NFKD; zero-width spaces, soft hyphens
        return ""
    if category == "Pd" or char == "\u2212":  # every dash, and the minus sign
        return "-"
    if char in "\u2018\u2019\u02bc":  # phones type curly apostrophes: "I’m"
        return "'"
    return "i" if char == "\u0131" else char  # the dotless i of Turkish keyboards


def words_of(text):
    """Lower-case words, split at hyphens (not a dash between numbers), dots (not decimal
    points), symbols and letter-digit joins: 'Aspirin-75mg', 'Vit. E', 'omega3', '1.5kg'
    and '10 - 15kg' become 'aspirin 75 mg', 'vit e', 'omega 3', '1.5 kg' and '10-15 kg'."""
    # Symbols become spaces before normalising: NFKC would make "Warfarin™" "warfarintm".
    text = "".join(" " if unicodedata.category(c) in ("So", "Sk") else c for c in str(text or ""))
    text = re.sub(r"(?<=[0-9]) *- *(?=[0-9])", "-", normalise(text))
    text = re.sub(r"_|(?<![0-9])-|-(?![0-9])|\.(?![0-9])|(?<![0-9])\.", " ", text)
    text = re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", text)
    return " ".join(text.split())


def mentions(text, keyword):
    """Whole words, any case, plural allowed: 'heparin' matches 'Heparin 5000' and
    'warfarin5mg' but not 'heparinoid'."""
    return keyword_pattern(keyword).search(words_of(text)) is not None


@lru_cache(maxsize=4096)
def keyword_pattern(keyword):
    return re.compile(rf"(?<![a-z]){_written(keyword)}")


# A "#" in a keyword stands for a number, in digits or in words: "# kg" finds
# "lose 10kg" and "# stone" finds "two stone". Such a keyword counts only in the box of
# a question that raises its own flag, where the number means what it says: in another
# box "80kg" is a body weight for a dose, and "2 stones" may be kidney stones.
NUMBER = "#"
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS = (
    *_UNITS, "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", *_TENS, "hundred", "a hundred",
)  # fmt: skip
# Up to four digits, with a decimal or fraction part ("1.5", "1/2", and "½", which
# normalising makes "1⁄2"), whole: not a digit before or after, so a long run of digits
# is passed over in one step instead of tried from every digit in it.
_DIGITS = r"(?<![0-9])[0-9]{1,4}(?:[./\u2044][0-9]{1,2})?(?![0-9])"
# "twenty-five", as words_of leaves it, before "twenty" alone: the reason shown is then
# "twenty five pounds", not "five pounds".
_COMPOUND = rf"(?:{'|'.join(_TENS)}) (?:{'|'.join(_UNITS)})"
_ONE_NUMBER = rf"(?:{_DIGITS}|{_COMPOUND}|{'|'.join(NUMBER_WORDS)})"
# A range is one amount, so it is shown whole: "10-15kg", "10 to 15 kg"; so is a whole
# number and a fraction, "3 1/2 stone". Its second number in digits only: with words
# too, every "#" would double in size, and the weight-loss keywords' pattern took
# several times as long to compile on each worker's first send.
_NUMBER_PATTERN = rf"{_ONE_NUMBER}(?:(?:-| (?:to |or )?){_DIGITS})?"


def _written(keyword):
    """The keyword as a pattern for where it ends: whole words, plural allowed, and any
    run of non-letters between a phrase's words ("heart/attack", "hep (C)")."""
    words = r"[^a-z0-9]+".join(map(_part_pattern, keyword_words(keyword)))
    return rf"{words}s?(?![a-z])"


def _part_pattern(part):
    return _NUMBER_PATTERN if part == NUMBER else re.escape(part)


def keyword_words(keyword):
    """The keyword's words as `words_of` writes them, with each "#" (or "##") a word of
    its own."""
    return re.sub(f"{re.escape(NUMBER)}+", f" {NUMBER} ", words_of(keyword)).split()


def with_numbers(keyword):
    return NUMBER in keyword


def in_box_of(rule, keywords_by_flag):
    """The keywords that count in this question's boxes: those with a number only when
    the question raises their flag."""
    return {
        flag: keywords if flag == rule.flag else without_numbers(tuple(keywords))
        for flag, keywords in keywords_by_flag.items()
    }


@lru_cache(maxsize=256)
def without_numbers(keywords):
    return tuple(keyword for keyword in keywords if not with_numbers(keyword))


def keywords_found(texts, keywords_by_flag):
    """(flag, the first of its keywords found) for each flag with a keyword in any text:
    one written out exactly if there is one, else the first one mistyped."""
    prepared = [words_of(text) for text in texts]
    typed = [tokens(text) for text in prepared]
    indexes = {flag: keyword_index(tuple(keywords)) for flag, keywords in keywords_by_flag.items()}
    near = near_forms(typed, max((index.longest for index in indexes.values()), default=0))
    for flag, index in indexes.items():
        found = first_exact(index, prepared) or first_mistyped(index, typed, near)
        if found is not None:
            yield flag, found


# Shorter names have too many real words one letter away ("stroke" has "stoke" and
# "strike", "cancer" has "cancel"), and one letter changes a short name more than a long one.
MISTYPED_FROM = 7
# From eleven letters, two slips are allowed ("imunosupressed", "rivaroksaban"): long drug
# and condition names are where patients make them. The words of Debian's English word
# lists two letters from a keyword word this long are forms of it ("hemophiliac") or
# in a phrase whose other words must match ("immune suppressing"); at ten letters,
# "cellulite" is two from "cellulitis" and "efficiency" from "deficiency".
MISTYPED_TWICE_FROM = 11
# Real words one letter away from a keyword that patients write in these boxes: "skin
# injections" is not "skin infection", nor "swimming" "slimming", nor "inulin" "insulin".
NOT_MISTYPED = frozenset({
    "aspiring", "injected", "injection", "injections", "inulin", "lanolin", "program",
    "programs", "swimming", "weightless",
})  # fmt: skip


@dataclass(frozen=True)
class KeywordIndex:
    """One flag's keywords, ready to look for: `exact` finds whether any is written out,
    and `near` maps every form of each long keyword word with as many letters left out
    as it may have wrong (and the word itself) to the keywords it may be a mistyping of."""

    keywords: tuple
    exact: re.Pattern
    longest: int  # letters in the longest keyword word that may be mistyped

    # Made on first use, not with the rest: it takes tens of milliseconds, and a send
    # whose boxes are empty or short never needs it.
    @cached_property
    def near(self):
        near = {}
        for position, keyword in enumerate(self.keywords):
            longest = _longest_word(keyword)
            wrong = letters_wrong_allowed(longest)
            if not wrong:
                continue
            for form in {*shorter_forms(longest, wrong), *shorter_forms(longest + "s", wrong)}:
                near.setdefault(form, set()).add(position)
        return near


@lru_cache(maxsize=256)
def keyword_index(keywords):
    written = "|".join(_written(word) for word in keywords)
    exact = re.compile(rf"(?<![a-z])(?:{written})") if keywords else re.compile("(?!)")
    mistypable = [len(w) for w in map(_longest_word, keywords) if letters_wrong_allowed(w)]
    return KeywordIndex(keywords, exact, max(mistypable, default=0))


def _longest_word(keyword):
    return max(keyword_tokens(keyword), key=len, default="")


def first_exact(index, prepared):
    if not any(index.exact.search(text) for text in prepared):
        return None
    for keyword in index.keywords:
        for text in prepared:
            found = keyword_pattern(keyword).search(text)
            if found:
                return reason_text(keyword, found.group())
    return None


def reason_text(keyword, written):
    """What a patient and staff read as the reason: the keyword, or for one with a
    number in it what was written ("10 kg", not "# kg")."""
    return written if with_numbers(keyword) else keyword


def letters_wrong_allowed(word):
    if len(word) >= MISTYPED_TWICE_FROM:
        return 2
    return 1 if len(word) >= MISTYPED_FROM else 0


def first_mistyped(index, typed, near):
    """Two words n letters apart share a form with up to n letters left out of each (or
    one is such a form of the other), so only keywords sharing a form with a typed word
    need checking."""
    if not near:
        return None
    candidates = set().union(*(index.near.get(form, ()) for form in near & index.near.keys()))
    for position in sorted(candidates):
        keyword = index.keywords[position]
        for words in typed:
            found = mistyped(words, keyword)
            if found:
                return reason_text(keyword, " ".join(found))
    return None


# A box of hundreds of different long words is pasted, not typed: past this many, its
# words are still matched exactly and with one slip, but not with two.
MOST_WORDS_WITH_TWO_SLIPS = 40


def near_forms(typed, longest):
    """Each typed word that may be a mistyped keyword word of at most `longest` letters
    (up to two letters short of it, up to two letters and a plural "s" over), and its
    forms with as many letters left out as a keyword word its length may have wrong.
    Longer words are left out: they cannot be one, and a pasted run of thousands of
    letters would otherwise make thousands of forms."""
    words = dict.fromkeys(
        word for text in typed for word in text if MISTYPED_FROM - 1 <= len(word) <= longest + 3
    )
    forms, twice = set(), 0
    for word in words:
        slips = 1
        if len(word) >= MISTYPED_TWICE_FROM - 2 and twice < MOST_WORDS_WITH_TWO_SLIPS:
            slips, twice = 2, twice + 1
        forms |= shorter_forms(word, slips)
    return forms


def shorter_forms(word, most):
    """The word and each form of it with up to `most` letters left out."""
    forms = {word}
    for _ in range(most):
        forms |= {form[:i] + form[i + 1 :] for form in forms for i in range(len(form))}
    return forms


def one_shorter(word):
    return shorter_forms(word, 1)


def tokens(text):
    return re.findall(r"[0-9]+\.[0-9]+|[a-z0-9']+", text)


@lru_cache(maxsize=4096)
def keyword_tokens(keyword):
    return tuple(re.findall(r"[a-z0-9']+|#", " ".join(keyword_words(keyword))))


def mistyped(typed_words, keyword):
    """Are the typed words a keyword with one letter wrong, missing, extra or two letters
    swapped, in a word of MISTYPED_FROM letters or more, or two such slips in a word of
    MISTYPED_TWICE_FROM or more? 'Warferin', 'apixiban' and 'imunosupressed' are;
    'vitamin d' is not 'vitamin e', because a short word must be exact. The typed words
    that are, or None."""
    wanted = keyword_tokens(keyword)
    for start in range(len(typed_words) - len(wanted) + 1):
        words = typed_words[start : start + len(wanted)]
        if all(map(_close_to, words, wanted)):
            return words
    return None


def _close_to(typed, word):
    if word == NUMBER:
        return re.fullmatch(_NUMBER_PATTERN, typed) is not None
    if typed in (word, word + "s"):
        return True
    wrong = letters_wrong_allowed(word)
    if not wrong or not -wrong <= len(typed) - len(word) <= wrong + 1:
        return False
    if typed in NOT_MISTYPED:
        return False
    if wrong == 1:
        return one_letter_apart(typed, word) or one_letter_apart(typed, word + "s")
    return min(letters_apart(typed, word), letters_apart(typed, word + "s")) <= wrong


def one_letter_apart(a, b):
    """One letter changed, missing or extra, or two letters next to each other swapped."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[start:] == b[start + 1 :]
    rest = start + 1
    swapped = a[start : start + 2] == b[start : start + 2][::-1] and a[rest + 1 :] == b[rest + 1 :]
    return a[rest:] == b[rest:] or swapped


def letters_apart(a, b, most=2):
    """The fewest letters changed, missing, extra or swapped with the next one that make
    `a` into `b` (the optimal string alignment distance), or `most + 1` as soon as it
    must be more: only cells within `most` of the diagonal can be `most` or less."""
    over = most + 1
    if abs(len(a) - len(b)) > most:
        return over
    before, previous = [], [min(j, over) for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [min(i, over)] + [over] * len(b)
        for j in range(max(1, i - most), min(len(b), i + most) + 1):
            x, y = a[i - 1], b[j - 1]
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, before[j - 2] + 1)
            current[j] = min(cost, over)
        if min(current) == over:
            return over
        before, previous = previous, current
    return previous[-1]


@dataclass(frozen=True)
class Reason:
    """Why a flag was raised: the answer to this question, or a keyword found in it."""

    key: str
    keyword: str = ""


def flag_reasons(question_rules, answers, keywords_by_flag):
    """For each flag code these answers raise, its reasons, in question order.

    `answers` maps question keys to answers, and `<key>_details` to follow-up text.
    """
    reasons = {}
    for rule in question_rules:
        details_key = f"{rule.key}_details"
        if raises_flag(rule, answers.get(rule.key), answers.get(details_key, "")):
            reasons.setdefault(rule.flag, []).append(Reason(rule.key))
        if rule.scan_for_keywords:
            texts = [answers.get(rule.key, ""), answers.get(details_key, "")]
            for flag, keyword in keywords_found(texts, in_box_of(rule, keywords_by_flag)):
                reasons.setdefault(flag, []).append(Reason(rule.key, keyword))
    return reasons
