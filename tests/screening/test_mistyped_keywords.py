"""A keyword typed with one letter wrong still raises its flag, when the word is long
enough that one letter cannot make it another word (pure rules, no database)."""

import pytest

from screening import rules

KEYWORDS = {
    "anticoagulants": ["warfarin", "blood thinner", "vitamin e"],
    "cardiovascular_event": ["stroke"],
    "immune_compromise": ["steroid", "prograf"],
    "weight_loss_goal": ["slimming"],
}


def found(text):
    return dict(rules.keywords_found([text], KEYWORDS))


@pytest.mark.parametrize(
    ("typed", "keyword"),
    [("warfrin", "warfarin"), ("warferin", "warfarin"), ("warfarrin", "warfarin"),
     ("wrafarin", "warfarin"), ("warfarin", "warfarin")],
)  # fmt: skip
def test_one_letter_missing_wrong_extra_or_two_swapped_is_one_letter_apart(typed, keyword):
    assert rules.one_letter_apart(typed, keyword)


@pytest.mark.parametrize(
    ("typed", "keyword"), [("wrfrin", "warfarin"), ("warfarinee", "warfarin")]
)
def test_two_letters_wrong_is_not_one_letter_apart(typed, keyword):
    assert not rules.one_letter_apart(typed, keyword)


@pytest.mark.parametrize(
    ("typed", "keyword", "letters"),
    [("imunosupressed", "immunosuppressed", 2), ("hydroxicloroquine", "hydroxychloroquine", 2),
     ("cyclofosfamide", "cyclophosphamide", 3), ("warfrin", "warfarin", 1),
     ("wrafarin", "warfarin", 1), ("warfarin", "warfarin", 0)],
)  # fmt: skip
def test_letters_apart_counts_letters_changed_missed_added_or_swapped(typed, keyword, letters):
    assert rules.letters_apart(typed, keyword) == letters  # 3 for "more than two"


def test_letters_apart_agrees_with_the_full_count_up_to_two():
    import random

    rng = random.Random(3)
    for _ in range(2000):
        a = "".join(rng.choice("abc") for _ in range(rng.randrange(0, 9)))
        b = "".join(rng.choice("abc") for _ in range(rng.randrange(0, 9)))
        assert rules.letters_apart(a, b) == min(full_letters_apart(a, b), 3), (a, b)


def full_letters_apart(a, b):
    """Every cell of the table, the slow way."""
    table = [[i + j if not i * j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1,
                              table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))  # fmt: skip
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


LONG_NAMES = {
    "anticoagulants": ["warfarin", "acenocoumarol", "rivaroxaban"],
    "immune_compromise": ["immunosuppressed", "hydroxychloroquine", "cyclophosphamide"],
    "skin_infection": ["cellulitis"],
}


@pytest.mark.parametrize(
    ("typed", "flag"),
    [("imunosupressed", "immune_compromise"), ("immunosupresed", "immune_compromise"),
     ("hydroxicloroquine", "immune_compromise"), ("hydroxychloroqine", "immune_compromise"),
     ("cyclophosfamide", "immune_compromise"), ("acenocumarrol", "anticoagulants"),
     ("rivaroksaban", "anticoagulants")],
)  # fmt: skip
def test_a_name_of_eleven_letters_or_more_with_two_letters_wrong_raises_its_flag(typed, flag):
    assert dict(rules.keywords_found([f"I take {typed} daily"], LONG_NAMES)) == {
        flag: next(k for k in LONG_NAMES[flag] if rules.letters_apart(typed, k) <= 2)
    }


@pytest.mark.parametrize("typed", ["wrfrin", "warfarinee", "cellulite", "celulitus"])
def test_a_shorter_name_with_two_letters_wrong_raises_nothing(typed):
    assert dict(rules.keywords_found([f"{typed} on my thighs"], LONG_NAMES)) == {}


def test_a_keyword_with_one_letter_wrong_raises_its_flag_and_names_the_keyword():
    assert found("Warferin 5mg, vitamin D") == {"anticoagulants": "warfarin"}


def test_a_mistyped_plural_of_a_keyword_raises_its_flag():
    assert found("steriods for my asthma") == {"immune_compromise": "steroid"}


def test_a_long_word_mistyped_inside_a_phrase_keyword_raises_its_flag():
    assert found("on blood thiners") == {"anticoagulants": "blood thinner"}


def test_a_short_word_must_be_typed_exactly():
    assert found("I live near Stoke") == {}


def test_a_short_word_in_a_phrase_keyword_must_be_typed_exactly():
    assert found("vitamin d and vitamin c") == {}


def test_a_real_word_one_letter_from_a_keyword_is_not_taken_for_it():
    assert found("swimming programs") == {}


def test_part_of_a_longer_word_is_not_a_mistyped_keyword():
    assert found("warfarinised") == {}


def test_a_keyword_written_exactly_is_named_before_a_mistyped_one():
    keywords = {"anticoagulants": ["warfarin", "aspirin"]}
    assert dict(rules.keywords_found(["warferin and aspirin"], keywords)) == {
        "anticoagulants": "aspirin"
    }


def test_a_word_longer_than_any_keyword_makes_no_near_forms():
    assert rules.near_forms([["a" * 5000, "warferin"]], longest=8) == rules.one_shorter("warferin")


def test_a_mistyped_keyword_is_found_beside_a_pasted_run_of_letters():
    assert found("x" * 5000 + " warferin") == {"anticoagulants": "warfarin"}


def by_trying_every_keyword(text, keywords_by_flag):
    """What keywords_found must give, worked out the slow way."""
    written, words = rules.words_of(text), rules.tokens(rules.words_of(text))

    def long_enough(keyword):
        return rules.letters_wrong_allowed(max(rules.keyword_tokens(keyword), key=len, default=""))

    found = {}
    for flag, keywords in keywords_by_flag.items():
        exact = [k for k in keywords if rules.keyword_pattern(k).search(written)]
        near = [k for k in keywords if long_enough(k) and rules.mistyped(words, k)]
        if exact or near:
            found[flag] = (exact or near)[0]
    return found


def one_letter_off(word, rng):
    letters, at = list(word), rng.randrange(len(word))
    change = rng.choice(["swap letter", "drop", "add", "swap neighbours"])
    if change == "swap letter":
        letters[at] = rng.choice("abcdefghijklmnopqrstuvwxyz")
    elif change == "drop":
        del letters[at]
    elif change == "add":
        letters.insert(at, rng.choice("abcdefghijklmnopqrstuvwxyz"))
    elif at + 1 < len(letters):
        letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


def two_letters_off(word, rng):
    return one_letter_off(one_letter_off(word, rng), rng)


@pytest.mark.django_db
def test_the_index_finds_what_trying_every_keyword_finds(questionnaire):
    import random

    rng = random.Random(7)
    keywords = questionnaire.keywords_by_flag
    texts = [
        f"I take {off(word, rng)} daily"
        for words in keywords.values()
        for word in words
        for off in (one_letter_off, one_letter_off, two_letters_off)
    ]
    assert len(texts) > 1500
    for text in texts:
        assert dict(rules.keywords_found([text], keywords)) == by_trying_every_keyword(
            text, keywords
        ), text


def test_a_box_pasted_full_of_long_words_keeps_two_slips_for_its_first_forty():
    import random

    rng = random.Random(5)
    pasted = ["".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(12)) for _ in range(60)]
    two_changed, one_changed = "immunasuppressad", "immunasuppressed"
    early = " ".join([*pasted[:10], two_changed, *pasted[10:]])
    late = " ".join([*pasted, two_changed])
    assert found_long(early) == {"immune_compromise": "immunosuppressed"}
    assert found_long(late) == {}  # past the 40th different long word: exact or one slip
    assert found_long(late.replace(two_changed, one_changed)) != {}


def found_long(text):
    return dict(rules.keywords_found([text], LONG_NAMES))
