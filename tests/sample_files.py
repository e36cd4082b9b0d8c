"""Small real files for upload tests: images and text, a PDF with pages and metadata,
tagged audio."""

import io
import wave

import mutagen
import pikepdf
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from mutagen.id3 import COMM, ID3, TIT2, TPE1
from pikepdf import Dictionary, Name
from PIL import Image as PILImage


def png(name="canary.png") -> SimpleUploadedFile:
    """A small PNG, as a browser uploads it."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#1d5c8c").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def text_file(name="canary.txt") -> SimpleUploadedFile:
    """A plain-text document, as a browser uploads it."""
    return SimpleUploadedFile(name, b"A canary document.", content_type="text/plain")


def png_image_file(name: str) -> ImageFile:
    """A tiny PNG to store as an image's file from code."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return ImageFile(buffer, name=name)


def pdf_bytes(text: str = "A letter to the council", *, pages: int = 1, author: str = "") -> bytes:
    """A PDF whose pages say `text`; with `author`, its document info and XMP name them."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    )
    for number in range(pages):
        page = pdf.add_blank_page(page_size=(612, 792))
        page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
        content = f"BT /F1 12 Tf 72 720 Td ({text} {number + 1}) Tj ET".encode()
        page.obj.Contents = pdf.make_stream(content)
    if author:
        pdf.docinfo["/Author"] = author
        pdf.docinfo["/Creator"] = f"Scanner of {author}"
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:creator"] = [author]
            meta["dc:description"] = f"Scanned at home by {author}"
    output = io.BytesIO()
    pdf.save(output, compress_streams=False)
    return output.getvalue()


def pdf_texts(data: bytes) -> list[str]:
    """What each page of a PDF says (its content streams, decoded)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [page.obj.Contents.read_bytes().decode("latin-1") for page in pdf.pages]


# One MPEG-1 Layer III frame: 128 kbit/s, 44.1 kHz, stereo (417 bytes).
MP3_FRAME = b"\xff\xfb\x90\x00" + bytes(413)


def mp3_bytes(*, artist: str = "", frames: int = 40) -> bytes:
    """Silent MP3 audio; with `artist`, ID3 tags (artist, title, comment) name them."""
    buffer = io.BytesIO(MP3_FRAME * frames)
    if artist:
        tags = ID3()
        tags.add(TPE1(encoding=3, text=[artist]))
        tags.add(TIT2(encoding=3, text=[f"Recorded by {artist}"]))
        tags.add(COMM(encoding=3, lang="eng", desc="", text=[f"At the home of {artist}"]))
        tags.save(buffer)
    return buffer.getvalue()


def wav_bytes(*, artist: str = "", frames: int = 8000) -> bytes:
    """A second of silent 8 kHz PCM WAV; with `artist`, a LIST/INFO chunk names them."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(8000)
        target.writeframes(bytes(2 * frames))
    data = buffer.getvalue()
    if artist:
        text = artist.encode() + b"\x00"
        if len(text) % 2:
            text += b"\x00"
        info = b"INFO" + b"IART" + len(text).to_bytes(4, "little") + text
        chunk = b"LIST" + len(info).to_bytes(4, "little") + info
        data = data + chunk
        data = data[:4] + (len(data) - 8).to_bytes(4, "little") + data[8:]
    return data


def audio_info(data: bytes):
    """mutagen's reading of the audio (None if it is not audio)."""
    return mutagen.File(io.BytesIO(data))
