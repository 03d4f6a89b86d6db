"""Reads every collection of an OGC API - Features server with QGIS's own OAPIF provider (headless PyQGIS).

usage: python3 qgis_read_oapif.py BASE_URL COLLECTION [COLLECTION ...]
Prints one JSON object: per collection whether QGIS found the layer valid, the provider's feature count, the
features it read (counted while iterating, with their distinct ids), the field names and the id field's values.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import Qgis, QgsApplication, QgsDataSourceUri, QgsVectorLayer  # noqa: E402


def read(base, name):
    uri = QgsDataSourceUri()
    uri.setParam("url", base)
    uri.setParam("typename", name)
    layer = QgsVectorLayer(uri.uri(False), name, "OAPIF")
    if not layer.isValid():
        return {"valid": False, "error": layer.error().summary()}
    fields = [f.name() for f in layer.fields()]
    values = {}
    ids = set()
    n = 0
    for f in layer.getFeatures():
        n += 1
        ids.add(f.id())
        for k in fields:
            v = f[k]
            if v is not None and not (hasattr(v, "isNull") and v.isNull()):
                values.setdefault(k, []).append(str(v))
    return {"valid": True, "featureCount": layer.featureCount(), "read": n, "distinctIds": len(ids),
            "geometryType": layer.geometryType(), "fields": fields, "values": values}


def main():
    base, names = sys.argv[1], sys.argv[2:]
    app = QgsApplication([], False)
    app.initQgis()
    try:
        out = {"qgis": Qgis.QGIS_VERSION, "layers": {n: read(base, n) for n in names}}
        print(json.dumps(out, ensure_ascii=False))
    finally:
        app.exitQgis()


if __name__ == "__main__":
    main()
