#!/usr/bin/python3
"""Writes the GeoTIFF fixtures of io.tessera.core.raster's tests with GDAL.

Run with Debian's python3 (python3-gdal, python3-numpy):
    /usr/bin/python3 src/test/resources/rasters/make-fixtures.py
from the repository root. Every sample follows a formula that GeoTiffFixtures.java recomputes:
    Float32 DSM  z = 100 + 0.25*col - 0.1*row  (computed in float64, stored as float32)
    Int16 DSM    z = -500 + 3*col - 7*row
    UInt16 DSM   z = 1000 + 5*col + 11*row
    RGB(A) ortho r = (3*col) % 256, g = (5*row) % 256, b = (col + row) % 256,
                 a = 0 where (col + row) % 29 == 0, else 255
with NoData (DSMs) where (7*col + 3*row) % 37 == 0.
"""
import os
import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 157, 123
row, col = np.mgrid[0:H, 0:W]
hole = (7 * col + 3 * row) % 37 == 0

NORTH_UP = (500000.0, 0.5, 0.0, 5200000.0, 0.0, -0.5)
SWISS = (2600000.0, 0.25, 0.0, 1200000.0, 0.0, -0.25)
GEO = (7.25, 0.0001, 0.0, 46.5, 0.0, -0.0001)
ROTATED = (500000.0, 0.4330127018922193, 0.25, 5200000.0, 0.25, -0.4330127018922193)


def dsm(kind):
    if kind == "f32":
        z = (100 + 0.25 * col - 0.1 * row).astype(np.float32)
        z[hole] = -9999
        return gdal.GDT_Float32, [z], -9999
    if kind == "i16":
        z = (-500 + 3 * col - 7 * row).astype(np.int16)
        z[hole] = -32768
        return gdal.GDT_Int16, [z], -32768
    if kind == "u16":
        z = (1000 + 5 * col + 11 * row).astype(np.uint16)
        z[hole] = 65535
        return gdal.GDT_UInt16, [z], 65535
    raise ValueError(kind)


def ortho(alpha):
    bands = [(3 * col) % 256, (5 * row) % 256, (col + row) % 256]
    if alpha:
        bands.append(np.where((col + row) % 29 == 0, 0, 255))
    return gdal.GDT_Byte, [b.astype(np.uint8) for b in bands], None


def write(name, data, gt, epsg, options, point=False):
    dtype, bands, nodata = data
    path = os.path.join(HERE, name)
    mem = gdal.GetDriverByName("MEM").Create("", W, H, len(bands), dtype)
    mem.SetGeoTransform(gt)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    mem.SetProjection(srs.ExportToWkt())
    if point:
        mem.SetMetadataItem("AREA_OR_POINT", "Point")
    for i, b in enumerate(bands):
        band = mem.GetRasterBand(i + 1)
        band.WriteArray(b)
        if nodata is not None:
            band.SetNoDataValue(nodata)
    if len(bands) == 4:
        mem.GetRasterBand(4).SetColorInterpretation(gdal.GCI_AlphaBand)
    gdal.GetDriverByName("GTiff").CreateCopy(path, mem, options=options)
    aux = path + ".aux.xml"
    if os.path.exists(aux):
        os.remove(aux)


TILED = ["TILED=YES", "BLOCKXSIZE=64", "BLOCKYSIZE=32"]
STRIPED = ["BLOCKYSIZE=10"]
CLASSIC = [
    ("dsm-f32-tiled-deflate-p3.tif", "f32", NORTH_UP, 32633, TILED + ["COMPRESS=DEFLATE", "PREDICTOR=3"]),
    ("dsm-f32-striped-lzw.tif", "f32", SWISS, 2056, STRIPED + ["COMPRESS=LZW"]),
    ("dsm-f32-striped-none-point.tif", "f32", GEO, 4326, STRIPED, True),
    ("dsm-f32-rotated-deflate.tif", "f32", ROTATED, 32633, TILED + ["COMPRESS=DEFLATE"]),
    ("dsm-i16-tiled-lzw-p2.tif", "i16", SWISS, 2056, TILED + ["COMPRESS=LZW", "PREDICTOR=2"]),
    ("dsm-u16-striped-deflate-p2.tif", "u16", NORTH_UP, 32633, STRIPED + ["COMPRESS=DEFLATE", "PREDICTOR=2"]),
    ("ortho-rgb-tiled-deflate.tif", "rgb", NORTH_UP, 32633, TILED + ["COMPRESS=DEFLATE"]),
    ("ortho-rgba-striped-lzw-p2.tif", "rgba", SWISS, 2056, STRIPED + ["COMPRESS=LZW", "PREDICTOR=2"]),
    ("ortho-rgb-band-tiled-none.tif", "rgb", NORTH_UP, 32633, TILED + ["INTERLEAVE=BAND"]),
]
BIG = [
    ("big-dsm-f32-tiled-deflate-p3.tif", "f32", NORTH_UP, 32633, TILED + ["COMPRESS=DEFLATE", "PREDICTOR=3"]),
    ("big-dsm-f32-striped-lzw-point.tif", "f32", GEO, 4326, STRIPED + ["COMPRESS=LZW"], True),
    ("big-dsm-f32-rotated-none.tif", "f32", ROTATED, 32633, TILED),
    ("big-dsm-i16-tiled-none.tif", "i16", SWISS, 2056, TILED),
    ("big-dsm-u16-striped-lzw-p2.tif", "u16", NORTH_UP, 32633, STRIPED + ["COMPRESS=LZW", "PREDICTOR=2"]),
    ("big-ortho-rgb-tiled-lzw.tif", "rgb", NORTH_UP, 32633, TILED + ["COMPRESS=LZW"]),
    ("big-ortho-rgba-tiled-deflate-p2.tif", "rgba", SWISS, 2056, TILED + ["COMPRESS=DEFLATE", "PREDICTOR=2"]),
    ("big-ortho-rgb-band-striped-deflate.tif", "rgb", NORTH_UP, 32633, STRIPED + ["COMPRESS=DEFLATE", "INTERLEAVE=BAND"]),
]


def data_of(kind):
    return ortho(kind == "rgba") if kind in ("rgb", "rgba") else dsm(kind)


def main():
    for name, kind, gt, epsg, opts, *point in CLASSIC:
        write(name, data_of(kind), gt, epsg, opts, bool(point and point[0]))
    for name, kind, gt, epsg, opts, *point in BIG:
        write(name, data_of(kind), gt, epsg, opts + ["BIGTIFF=YES"], bool(point and point[0]))
    # A classic JPEG ortho (the JDK's reader decodes it; ours falls back to it). Error cases:
    # a BigTIFF with JPEG tiles, a 1-bit image, no georeferencing, truncated files,
    # and a file that is no TIFF at all.
    write("ortho-rgb-jpeg.tif", ortho(False), NORTH_UP, 32633,
          TILED + ["COMPRESS=JPEG", "PHOTOMETRIC=YCBCR", "JPEG_QUALITY=90"])
    write("big-ortho-rgb-jpeg.tif", ortho(False), NORTH_UP, 32633,
          TILED + ["COMPRESS=JPEG", "BIGTIFF=YES"])
    bits = gdal.GetDriverByName("GTiff").Create(os.path.join(HERE, "bilevel-1bit.tif"), 64, 16, 1,
                                                gdal.GDT_Byte, options=["NBITS=1", "BIGTIFF=YES"])
    bits.SetGeoTransform(NORTH_UP)
    bits.GetRasterBand(1).WriteArray((np.mgrid[0:16, 0:64][1] % 2).astype(np.uint8))
    bits = None
    plain = gdal.GetDriverByName("GTiff").Create(os.path.join(HERE, "no-georef.tif"), 32, 16, 1,
                                                 gdal.GDT_Float32)
    plain.GetRasterBand(1).Fill(1.5)
    plain = None
    for src, dst in (("dsm-f32-tiled-deflate-p3.tif", "truncated.tif"),
                     ("big-dsm-f32-tiled-deflate-p3.tif", "big-truncated.tif")):
        with open(os.path.join(HERE, src), "rb") as f:
            data = f.read()
        with open(os.path.join(HERE, dst), "wb") as f:
            f.write(data[: len(data) * 3 // 5])
    with open(os.path.join(HERE, "not-a-tiff.tif"), "w") as f:
        f.write("This is a text file that a user renamed to .tif.\n")


if __name__ == "__main__":
    main()
