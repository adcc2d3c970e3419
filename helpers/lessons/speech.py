"""Text to sounds with espeak-ng: letters to IPA phonemes (G2P) and speech synthesis (lesson 12).

espeak-ng (GPL-3.0+) is a small rule-based speech synthesizer for about 100 languages. The course reads
its library and voice data from the data package ``espeakng-loader``, which ships both for Linux
(x86_64, aarch64), macOS (x86_64, arm64) and Windows (x86_64, ARM64). The package is not imported: the
library file is checked by sha256 (``helpers.datapackages.data_file``) and then loaded with ``ctypes``,
and its C API is called directly (``espeak_TextToPhonemes`` for IPA, ``espeak_Synth`` for audio), so no
further Python package (such as ``phonemizer``) is needed.

espeak-ng keeps one engine per process: it is started on first use (not on import) and reused.
"""

import ctypes
import io
import platform
import wave

import numpy as np

from helpers.datapackages import data_file
from helpers.errors import CourseError
from helpers.numeric import is_whole_number

DISTRIBUTION = "espeakng-loader"
# How platform.machine() names the processors: Windows says AMD64/ARM64, Linux aarch64, macOS arm64.
_MACHINE_NAMES = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}
# (system, machine) -> the library inside the wheel for that platform, and its sha256.
LIBRARIES = {
    ("Linux", "x86_64"): (
        "espeakng_loader/libespeak-ng.so",
        "b15ce0803b26254e8a0d088c6b9281a2637b2b02613147cc320cfdefaf2c3ccf",
    ),
    ("Linux", "arm64"): (
        "espeakng_loader/libespeak-ng.so",
        "fe3022609ec80d5f740e046ceb8a0039225fd3de177d99f918858059095b8729",
    ),
    ("Darwin", "x86_64"): (
        "espeakng_loader/libespeak-ng.dylib",
        "d6a7203a3d84c384c5932c468a4d2645b2e7c42613af4e25a621336ab4c1f02a",
    ),
    ("Darwin", "arm64"): (
        "espeakng_loader/libespeak-ng.dylib",
        "bb635eee1ee9c456f4a5cf06fb6cb352ecdd4d61e1951743b423ef22bb57f470",
    ),
    ("Windows", "x86_64"): (
        "espeakng_loader/espeak-ng.dll",
        "646d387acbc7ac2aa45e3625aa00a6835ae5d446ff8b0748298c3900b4dde258",
    ),
    ("Windows", "arm64"): (
        "espeakng_loader/espeak-ng.dll",
        "ebb4694f93506e5019197d7bf0e0f9225c4fcad90a0661870a55112de02e8ae3",
    ),
}
# The phoneme table of the voice data (the same in every platform's wheel): checks the data's version.
PHONEME_TABLE = (
    "espeakng_loader/espeak-ng-data/phontab",
    "1b40690667e1e9aa1ba5e5234773c799e7e72ea751426e5150423d53c3f24fa2",
)

_SYNCHRONOUS = 2  # espeak_AUDIO_OUTPUT: samples go to our callback, espeak_Synth returns when done
_DONT_EXIT = 0x8000  # espeakINITIALIZE_DONT_EXIT: report errors instead of ending the Python process
_CHARS_UTF8 = 1
_PHONEMES_IPA = 0x02
_SYNTH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)
_engine = {}  # the started engine: library, sample rate, current voice, callback, collected samples


def library_file(system=None, machine=None):
    """Return ``(relative_path, sha256)`` of espeak-ng's library for this computer (or ``system``/``machine``
    as ``platform.system()``/``platform.machine()`` name them). Raises ``CourseError`` where the data
    package has no library."""
    system = platform.system() if system is None else system
    machine = platform.machine() if machine is None else machine
    key = (system, _MACHINE_NAMES.get(str(machine).lower(), str(machine).lower()))
    if key not in LIBRARIES:
        supported = ", ".join(f"{s} {m}" for s, m in LIBRARIES)
        raise CourseError(
            f"espeak-ng (speech) comes for {supported}, but this computer is {system} {machine}: "
            "the sections on speech cannot run here. Use a laptop with one of those systems "
            "for them; everything before them in the lesson works anywhere."
        )
    return LIBRARIES[key]


def _start():
    """Load and start espeak-ng once per process; return the engine dict."""
    if _engine:
        return _engine
    library_path = data_file(DISTRIBUTION, *library_file())
    voices = data_file(DISTRIBUTION, *PHONEME_TABLE).parent  # .../espeak-ng-data
    try:
        library = ctypes.CDLL(str(library_path))
    except OSError as error:
        raise CourseError(
            f"espeak-ng's library could not be loaded on this computer ({error}): reinstall "
            "the data packages with python3 course.py lab, or skip the speech sections."
        ) from None
    library.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    library.espeak_Initialize.restype = ctypes.c_int
    library.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    library.espeak_SetVoiceByName.restype = ctypes.c_int
    library.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int]
    library.espeak_TextToPhonemes.restype = ctypes.c_char_p
    library.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
    library.espeak_Synth.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_uint,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]
    library.espeak_Synth.restype = ctypes.c_int
    rate = library.espeak_Initialize(_SYNCHRONOUS, 0, str(voices.parent).encode(), _DONT_EXIT)
    if rate <= 0:
        raise CourseError(
            "espeak-ng did not start (it found no voice data): reinstall the data packages with python3 course.py lab."
        )
    chunks = []

    def collect(samples, count, events):
        if count > 0:
            chunks.append(np.ctypeslib.as_array(samples, shape=(count,)).copy())
        return 0  # 0 = go on

    callback = _SYNTH_CALLBACK(collect)  # kept in _engine: ctypes must not free it while espeak holds it
    library.espeak_SetSynthCallback(callback)
    languages = {path.name.lower() for path in (voices / "lang").rglob("*") if path.is_file()}
    _engine.update(library=library, rate=rate, voice=None, callback=callback, chunks=chunks, languages=languages)
    return _engine


def _check_text(text, what):
    if isinstance(text, bytes):
        raise CourseError(f"{what}() needs text (a str), not bytes: decode it first, e.g. data.decode('utf-8').")
    if not isinstance(text, str):
        raise CourseError(f"{what}() needs text (a str), not {type(text).__name__}.")
    if "\x00" in text:
        raise CourseError(
            f"The text given to {what}() contains NUL characters, as binary files do: give it plain text."
        )
    if not any(char.isalnum() for char in text):
        raise CourseError(f"{what}() got no words to speak ({text!r}): give it a word or a sentence.")


def _use_voice(engine, language):
    if not isinstance(language, str) or not language.strip():
        raise CourseError(f"language must be an espeak-ng voice name such as 'en-us', 'de' or 'fr', not {language!r}.")
    if engine["voice"] != language:
        known = language.strip().lower() in engine["languages"]
        if not known or engine["library"].espeak_SetVoiceByName(language.encode()) != 0:
            raise CourseError(
                f"espeak-ng has no voice {language!r}: use a language code such as 'en-us', "
                "'en' (British English), 'de', 'fr', 'es', 'it' or 'nl'."
            )
        engine["voice"] = language


def to_ipa(text, language="en-us", separator=""):
    """Return ``text`` (a str) in IPA as espeak-ng pronounces it in ``language`` (a voice name such as
    ``"en-us"``, ``"de"``, ``"fr"``): words separated by spaces, clauses by `` | ``; stress marks ˈ ˌ stay.

    With ``separator=" "`` the phonemes of each word are separated too (``"h ə l ˈoʊ"``), and words by two
    spaces. Raises ``CourseError`` for empty, non-text or binary input and unknown languages.
    """
    _check_text(text, "to_ipa")
    if not isinstance(separator, str) or len(separator) > 1:
        raise CourseError(f"separator must be '' or one character such as ' ', not {separator!r}.")
    engine = _start()
    _use_voice(engine, language)
    mode = _PHONEMES_IPA | (ord(separator) << 8 if separator else 0)
    buffer = ctypes.create_string_buffer(text.encode("utf-8"))
    pointer = ctypes.c_char_p(ctypes.addressof(buffer))
    clauses = []
    while pointer.value:
        result = engine["library"].espeak_TextToPhonemes(ctypes.byref(pointer), _CHARS_UTF8, mode)
        if result:
            clauses.append(result.decode("utf-8").strip())
    return " | ".join(clause for clause in clauses if clause)


def synthesize(text, language="en-us"):
    """Speak ``text`` with espeak-ng's ``language`` voice; return ``(samples, rate)``: a 1-D int16 NumPy
    array of the waveform and its sample rate in Hz (22050). Play it in a notebook with
    ``IPython.display.Audio(samples, rate=rate)``. Raises ``CourseError`` for bad text or language.
    """
    _check_text(text, "synthesize")
    engine = _start()
    _use_voice(engine, language)
    engine["chunks"].clear()
    data = text.encode("utf-8") + b"\x00"
    status = engine["library"].espeak_Synth(data, len(data), 0, 1, 0, _CHARS_UTF8, None, None)
    samples = np.concatenate(engine["chunks"]) if engine["chunks"] else np.zeros(0, dtype=np.int16)
    engine["chunks"].clear()
    if status != 0 or not len(samples):
        raise CourseError(f"espeak-ng could not speak {text[:40]!r} (status {status}): try a shorter plain sentence.")
    return samples.astype(np.int16), engine["rate"]


def wav_bytes(samples, rate):
    """Return a mono 16-bit WAV file (bytes) of ``samples`` (1-D int16 array) at ``rate`` Hz, to save
    with ``helpers.storage`` or play with ``IPython.display.Audio(data=...)``."""
    samples = np.asarray(samples)
    if samples.ndim != 1 or not len(samples) or samples.dtype != np.int16:
        raise CourseError(
            f"wav_bytes() needs a 1-D int16 array of samples (as synthesize() returns), got "
            f"{samples.dtype} with shape {samples.shape}."
        )
    if not is_whole_number(rate, minimum=1):
        raise CourseError(f"rate must be a positive whole number of samples per second, such as 22050, not {rate!r}.")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(int(rate))
        out.writeframes(samples.astype("<i2").tobytes())
    return buffer.getvalue()
