"""helpers.lessons.speech: espeak-ng G2P and synthesis through ctypes (lesson 12)."""

import io
import wave

import numpy as np
import pytest

from helpers import CourseError
from helpers.lessons import speech


def test_to_ipa_english_and_german():
    assert speech.to_ipa("The cat sat.") == "ðə kˈæt sˈæt"
    assert speech.to_ipa("Katze", "de") == "kˈatsə"
    assert speech.to_ipa("hello world", separator=" ") == "h ə l ˈoʊ  w ˈɜː l d"


def test_to_ipa_separates_clauses_and_reads_unknown_words():
    assert speech.to_ipa("Hello. Zorblax!") == "həlˈoʊ | zˈɔːɹblæks"


@pytest.mark.parametrize(
    "bad, message",
    [
        ("", "no words"),
        ("   \n", "no words"),
        ("?!", "no words"),
        (b"cat", "not bytes"),
        (None, "needs text"),
        (42, "needs text"),
        ("cat\x00dog", "NUL"),
    ],
)
def test_to_ipa_and_synthesize_refuse_bad_text(bad, message):
    with pytest.raises(CourseError, match=message):
        speech.to_ipa(bad)
    with pytest.raises(CourseError, match=message):
        speech.synthesize(bad)


@pytest.mark.parametrize("language", ["klingon", "", None])
def test_unknown_language(language):
    with pytest.raises(CourseError, match="voice"):
        speech.to_ipa("cat", language)
    assert speech.to_ipa("cat") == "kˈæt"  # the engine still works afterwards


def test_bad_separator():
    with pytest.raises(CourseError, match="separator"):
        speech.to_ipa("cat", separator="--")


def test_synthesize_returns_int16_samples_of_a_plausible_length():
    samples, rate = speech.synthesize("Word embeddings learn from context.")
    assert rate == 22050 and samples.dtype == np.int16 and samples.ndim == 1
    assert 1.5 < len(samples) / rate < 2.5
    assert np.abs(samples).max() > 1000  # not silence
    short, _ = speech.synthesize("Hi.")
    assert len(short) < len(samples)


def test_wav_bytes_is_a_readable_wav():
    samples, rate = speech.synthesize("Hello.")
    data = speech.wav_bytes(samples, rate)
    with wave.open(io.BytesIO(data)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, rate)
        assert wav.getnframes() == len(samples)


@pytest.mark.parametrize(
    "samples, rate, message",
    [
        (np.zeros(0, dtype=np.int16), 22050, "1-D int16"),
        (np.zeros((2, 3), dtype=np.int16), 22050, "1-D int16"),
        (np.zeros(5, dtype=np.float32), 22050, "1-D int16"),
        (np.zeros(5, dtype=np.int16), 0, "positive"),
        (np.zeros(5, dtype=np.int16), 22050.5, "positive"),
        (np.zeros(5, dtype=np.int16), True, "positive"),
    ],
)
def test_wav_bytes_bad_input(samples, rate, message):
    with pytest.raises(CourseError, match=message):
        speech.wav_bytes(samples, rate)


@pytest.mark.parametrize(
    "system, machine",
    [
        ("Linux", "x86_64"),
        ("Linux", "aarch64"),
        ("Darwin", "x86_64"),
        ("Darwin", "arm64"),
        ("Windows", "AMD64"),
        ("Windows", "ARM64"),
    ],
)
def test_every_platform_with_a_wheel_has_a_library(system, machine):
    relative_path, sha256 = speech.library_file(system, machine)
    assert relative_path.startswith("espeakng_loader/") and len(sha256) == 64


@pytest.mark.parametrize(
    "system, machine", [("Linux", "ppc64le"), ("Linux", "i686"), ("FreeBSD", "amd64"), ("Linux", "riscv64")]
)
def test_a_platform_without_a_wheel_gets_a_clear_message(system, machine):
    with pytest.raises(CourseError, match=f"this computer is {system} {machine}.*Use a laptop"):
        speech.library_file(system, machine)


def test_every_wheel_hash_is_in_requirements_data():
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "requirements-data.txt").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("espeakng-loader=="))
    assert line.count("--hash=sha256:") == 6  # Linux x86_64/aarch64, macOS x86_64/arm64, Windows x86_64/ARM64
