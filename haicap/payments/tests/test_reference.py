"""The payment reference: one per dossier, its check character, and finding it in bank memos."""

import random

import pytest

from haicap.payments.reference import (
    ALPHABET,
    LENGTH,
    PREFIX,
    dossier_id_of,
    reference_for,
    references_in,
)


def test_reference_round_trips_and_is_short():
    for pk in [1, 2, 3, 99, 100_000, 12_345_678, 17_249_876_308]:
        ref = reference_for(pk)
        assert len(ref) == LENGTH == 10 and ref.startswith(PREFIX)
        assert dossier_id_of(ref) == pk
        assert dossier_id_of(ref.lower()) == pk


def test_neighbouring_dossiers_get_unrelated_references():
    a, b = reference_for(1000), reference_for(1001)
    assert sum(x != y for x, y in zip(a[2:], b[2:], strict=True)) >= 4


def test_no_confusable_characters():
    assert not set("0O1IL2U") & set(ALPHABET)


def test_every_single_wrong_character_and_neighbour_swap_is_caught():
    rng = random.Random(7)
    for pk in rng.sample(range(1, 10_000_000), 200):
        ref = reference_for(pk)
        for i in range(len(PREFIX), LENGTH):
            for ch in ALPHABET:
                if ch != ref[i]:
                    assert dossier_id_of(ref[:i] + ch + ref[i + 1 :]) is None, (ref, i, ch)
            if i + 1 < LENGTH and ref[i] != ref[i + 1]:
                swapped = ref[:i] + ref[i + 1] + ref[i] + ref[i + 2 :]
                assert dossier_id_of(swapped) is None, (ref, i)


@pytest.mark.parametrize(
    "memo",
    [
        "PHI {r}",
        "NGUYEN THI MAI chuyen tien {r} le phi",
        "MBVCB.3456.{r}.CT tu 0071000123 NGUYEN VAN A",
        "{spaced} nop phi",
        "ibft {lower}",
        "Phí hồ sơ {dashed} của bà Mai",
        "IBFT{r}CHUYENTIEN",
    ],
)
def test_the_reference_is_found_however_the_memo_is_written(memo):
    ref = reference_for(123_456)
    text = memo.format(
        r=ref, spaced=f"{ref[:4]} {ref[4:7]} {ref[7:]}", lower=ref.lower(),
        dashed=f"{ref[:2]}-{ref[2:6]}-{ref[6:]}",
    )
    assert references_in(text) == [ref]


def test_memos_without_a_reference_rarely_find_one():
    """Words joined across spaces can form a well-formed reference by chance (1 in 29 windows
    after an "HP"): rare, and such a find still has to name a dossier awaiting exactly that
    amount to be matched (test_matching), otherwise it waits in the queue."""
    rng = random.Random(3)
    words = ["CHUYEN", "TIEN", "PHI", "HP", "HOP", "HPT", "NGUYEN", "VAN", "LE", "PHI", "HS"]
    found = 0
    for _ in range(2000):
        memo = " ".join(rng.choice(words) for _ in range(8)) + f" {rng.randint(0, 10**9)}"
        found += bool(references_in(memo))
    assert found < 20
    assert references_in("NGUYEN VAN HAI CHUYEN TIEN LE PHI HO SO KHAI SINH") == []


def test_two_references_in_one_memo_are_both_found():
    a, b = reference_for(5), reference_for(6)
    assert references_in(f"PHI {a} VA {b}") == [a, b]
