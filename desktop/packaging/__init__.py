"""Report packages: a BagIt bag (RFC 8493) of the report and its evidence, serialized as a zip.

- `plan`: what goes where (file names, compression, split into parts, bag-info, metadata.json);
- `budget`: the size verdict shown before anything is written (email limit, options);
- `zipwriter`: streaming a bag into a zip while hashing, in big chunks;
- `atomic`: writing to a destination (a USB stick) under a temporary name, fsync, read back,
  rename — nothing that looks complete is left behind on failure;
- `cover`: the one-page cover sheet `phieu-gui.pdf` with the package hash and its QR code;
- `builder`: the whole `baocao package` job; `verify` and `receive`: the other side;
- `zipsafety`: what a received archive may contain; `exportlog`: proof of what was sent.
"""
