"""nlg.word.zipwriter writes the bytes zipfile writes (drafts stay byte-identical), caching deflate."""
import io
import zipfile

from nlg.word import zipwriter as docx_zip

_TIME = (1980, 1, 1, 0, 0, 0)


def _zipfile(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, data, compresslevel=6)
    return out.getvalue()


def test_same_bytes_as_zipfile_and_cache_hit():
    big = b"<w:styles>" + b"<w:style/>" * 5000 + b"</w:styles>"
    entries = [("[Content_Types].xml", b"<Types/>"), ("word/styles.xml", big),
               ("customXml/\u00e9.xml", b""), ("word/document.xml", "<a>é</a>".encode())]
    assert docx_zip.write(entries) == _zipfile(entries)
    assert docx_zip.write(entries) == _zipfile(entries)      # second time from the cache
    with zipfile.ZipFile(io.BytesIO(docx_zip.write(entries))) as archive:
        assert archive.testzip() is None
        assert archive.read("word/styles.xml") == big
