"""Removing what an archive document says about its maker, keeping what it says.

A scanned letter or a recorded testimony carries more than its content: a
PDF's document info and XMP (author, the scanner's or the laptop's owner,
the software, dates), an audio file's tags (the recorder's name, a phone's
model, cover pictures, sometimes a place). For the archive, where a narrator
may be known only by a pseudonym, that is a leak. `clean_document` rewrites
the file without them; the pages and the sound are kept as they were.

Only the formats in `CLEANERS` are accepted in an archive collection (see
`chapters.files.file_safety`): a file that cannot be cleaned is refused, not kept
as it came. Images are cleaned by `chapters.files.private.strip_metadata`.
"""

import io
import wave

# pikepdf and mutagen take about 50 ms to import: they load with the first archive
# upload, not with every request's worker start or management command.


class UncleanableFile(ValueError):
    """The file cannot be read as its extension says, so its metadata cannot be removed."""


def clean_pdf(data: bytes) -> bytes:
    """The PDF without its document info, XMP metadata (document- and page-level)
    and earlier revisions (an incremental update keeps the old info): rewritten whole."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as error:
        raise UncleanableFile("it is a password-protected PDF") from error
    except pikepdf.PdfError as error:
        raise UncleanableFile("it could not be read as a PDF") from error
    with pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for holder in (pdf.Root, *(page.obj for page in pdf.pages)):
            for key in ("/Metadata", "/PieceInfo"):
                if key in holder:
                    del holder[key]
        output = io.BytesIO()
        pdf.save(output, deterministic_id=True)
    return output.getvalue()


def clean_tagged_audio(data: bytes) -> bytes:
    """MP3, M4A, Ogg (Vorbis, Opus), FLAC: every tag (ID3 v1 and v2, APEv2, Vorbis
    comments, MP4 atoms in `ilst`) and embedded pictures removed; the audio untouched."""
    import mutagen
    from mutagen import apev2

    buffer = io.BytesIO(data)
    try:
        audio = mutagen.File(buffer)
    except mutagen.MutagenError as error:
        raise UncleanableFile("it could not be read as audio") from error
    if audio is None:
        raise UncleanableFile("it could not be read as audio")
    buffer.seek(0)
    try:
        audio.delete(buffer)
        if hasattr(audio, "clear_pictures"):  # FLAC's PICTURE blocks are not tags
            audio.clear_pictures()
            buffer.seek(0)
            audio.save(buffer)
        buffer.seek(0)
        apev2.delete(buffer)  # an APEv2 tag some MP3 taggers add
    except mutagen.MutagenError as error:
        raise UncleanableFile("its tags could not be removed") from error
    return buffer.getvalue()


def clean_wav(data: bytes) -> bytes:
    """A WAV rewritten as its format and sound only: LIST/INFO, ID3, bext and every
    other chunk are gone. Only PCM WAV, the recorders' usual format, is readable."""
    try:
        with wave.open(io.BytesIO(data), "rb") as source:
            params = source.getparams()
            frames = source.readframes(params.nframes)
    except (wave.Error, EOFError) as error:
        raise UncleanableFile("it could not be read as PCM WAV audio") from error
    output = io.BytesIO()
    with wave.open(output, "wb") as target:
        target.setparams(params)
        target.writeframes(frames)
    return output.getvalue()


def clean_text(data: bytes) -> bytes:
    """Plain text and CSV hold no metadata: kept as they are."""
    return data


CLEANERS = {
    "pdf": clean_pdf,
    "mp3": clean_tagged_audio,
    "m4a": clean_tagged_audio,
    "ogg": clean_tagged_audio,
    "oga": clean_tagged_audio,
    "opus": clean_tagged_audio,
    "flac": clean_tagged_audio,
    "wav": clean_wav,
    "txt": clean_text,
    "csv": clean_text,
}


def clean_document(data: bytes, extension: str) -> bytes:
    """The document's bytes without metadata; UncleanableFile if that cannot be done."""
    cleaner = CLEANERS.get(extension.lower().lstrip("."))
    if cleaner is None:
        raise UncleanableFile(f"its metadata cannot be removed from a .{extension} file")
    return cleaner(data)
