"""Name variants across scripts and orders, English stems, the field's vocabulary."""

from roster.relevance.names import name_variants
from roster.relevance.stemming import stemmed_text, with_stems
from roster.relevance.vocabulary import SYNONYM_GROUPS, synonyms


def test_a_name_in_chinese_characters_gets_its_pinyin():
    words = name_variants("王建华", "").split()
    assert {"wang", "jianhua", "wangjianhua"} <= set(words)


def test_cyrillic_and_vietnamese_names_get_their_latin_letters():
    assert name_variants("Батбаяр Должин", "") == "batbayar dolzhin"
    # "đ" is a letter of its own, not a "d" with an accent: it needs transliterating.
    assert "dang" in name_variants("Đặng Văn Lợi", "").split()


def test_hyphens_and_apostrophes_join_as_well_as_split():
    assert "alhashimi" in name_variants("Layla Al-Hashimi", "").split()
    assert {"oconnor", "oconnorwalsh"} <= set(name_variants("Sarah O'Connor-Walsh", "").split())
    assert "jihoon" in name_variants("Park Ji-hoon", "박지훈").split()


def test_a_name_in_latin_letters_adds_nothing():
    assert name_variants("Maria Santos", "") == ""


def test_stems_cover_word_forms_only_where_they_differ():
    assert stemmed_text("Inspects fishing boats") == "inspect fish boat"
    assert stemmed_text("boat") == ""
    assert with_stems("rescuing boats") == "rescuing boats rescu boat"
    assert with_stems("boat") == "boat"


def test_every_variant_of_a_group_leads_to_the_others():
    table = synonyms()
    assert "trafficking in persons" in table["tip"]
    assert "tip" in table["human trafficking"]
    assert table["labor"] == ["labour"]
    for group in SYNONYM_GROUPS:
        for variant in group:
            assert variant == " ".join(variant.split()) == variant.lower(), variant


def test_a_hits_match_lists_its_marked_words_and_its_meaning():
    from roster.relevance.explain import in_words, match

    hit = {
        "_formatted": {
            "bio": "Examines <m>forged</m> passports and <m>visas</m>; <m>Visas</m> again.",
            "thematic_area_names": ["<m>Fraudulent</m> documents", "Border management"],
            "id": 7,
        },
        "_semanticScore": 0.8312,
    }
    explained = match(hit, "<m>", "</m>")
    assert explained == {"terms": ["forged", "visas", "fraudulent"], "semantic": 0.83}
    assert in_words(explained) == "matched: forged, visas, fraudulent · similar meaning"
    assert match({"_formatted": {}}, "<m>", "</m>") == {"terms": []}
    assert in_words({"terms": [], "semantic": 0.2}) == ""
