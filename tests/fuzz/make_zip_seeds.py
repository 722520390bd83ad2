#!/usr/bin/python3
# Writes the seed corpus of fuzz_zip_directory (tests/fuzz/corpus/zip_directory/): small
# archives by Python's zipfile in the layouts the parser must handle (stored, deflated, folder
# entries, Zip64 extra fields and end record, a data descriptor, a comment), run once with
# Debian's /usr/bin/python3; the output is committed.
import io
import os
import zipfile

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "zip_directory")
os.makedirs(out, exist_ok=True)
GROUP = b'{"zarr_format": 2}'
ZARRAY = (b'{"zarr_format": 2, "shape": [4], "chunks": [4], "dtype": "<i4", "compressor": null, '
          b'"fill_value": 0, "order": "C", "filters": null}')
CHUNK = bytes(range(16)) * 8


def archive(name, compression, entries, comment=b"", stream=False):
    buf = io.BytesIO()
    target = buf
    if stream:  # an unseekable target makes zipfile write data descriptors (flag bit 3)
        class Unseekable(io.RawIOBase):
            def writable(self):
                return True

            def write(self, b):
                return buf.write(b)
        target = Unseekable()
    with zipfile.ZipFile(target, "w", compression) as z:
        z.comment = comment
        for entry, data in entries:
            z.writestr(entry, data)
    with open(os.path.join(out, name), "wb") as f:
        f.write(buf.getvalue())


entries = [(".zgroup", GROUP), ("x/.zarray", ZARRAY), ("x/0", CHUNK)]
archive("stored", zipfile.ZIP_STORED, entries)
archive("deflated", zipfile.ZIP_DEFLATED, entries)
archive("folder", zipfile.ZIP_DEFLATED, [("data.zarr/", b"")] + [("data.zarr/" + n, d) for n, d in entries])
archive("comment", zipfile.ZIP_STORED, entries, comment=b"written by a test" * 4)
archive("descriptor", zipfile.ZIP_DEFLATED, entries, stream=True)
saved = (zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT)
zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = 0, 0
archive("zip64", zipfile.ZIP_DEFLATED, entries)
zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = saved
