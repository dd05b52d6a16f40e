"""Reads the Bluesky event-model documents AutoLab exports (bluesky/documents.jsonl) with the standard
library only, as Python tooling would: [name, document] pairs, the fields the event-model schemas require,
and uids that tie the run together.

testdata/bluesky_documents.jsonl was written by AutoLab's exporter for a 12-experiment run of
examples/approval.yaml. Set AUTOLAB_BLUESKY_DOCUMENTS to a run folder's bluesky/documents.jsonl to check
another export the same way. testdata/xrd_run/ holds the export of a 3-sample run of
examples/xrd-target-phase.yaml with its measured patterns (data/NNNNNN/measure-pattern.csv): the patterns are
external data, a resource and a datum per file, read back here with a handler of a few lines."""

import csv
import json
import os
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.environ.get("AUTOLAB_BLUESKY_DOCUMENTS") or os.path.join(HERE, "testdata", "bluesky_documents.jsonl")
XRD_RUN = os.path.join(HERE, "testdata", "xrd_run")

# Required fields of event-model's run_start, event_descriptor, event and run_stop schemas (an event allows no others).
REQUIRED = {
    "start": {"uid", "time"},
    "descriptor": {"uid", "time", "run_start", "data_keys"},
    "event": {"uid", "time", "descriptor", "seq_num", "data", "timestamps"},
    "stop": {"uid", "time", "run_start", "exit_status"},
    "resource": {"uid", "spec", "root", "resource_path", "resource_kwargs"},
    "datum": {"datum_id", "resource", "datum_kwargs"},
}
EVENT_ALLOWED = REQUIRED["event"] | {"filled"}
DATA_KEY_REQUIRED = {"dtype", "shape", "source"}
DTYPES = {"string", "number", "array", "boolean", "integer"}


def read_documents(path):
    with open(path, encoding="utf-8") as f:
        return [tuple(json.loads(line)) for line in f if line.strip()]


def read_autolab_csv(root, resource_path, moved_to=None):
    """The handler of resource spec AUTOLAB_CSV: a two-column CSV (axis, value) with a header row. When the
    run folder was moved, moved_to is its new place (the resource's root is where it was exported)."""
    base = root if moved_to is None or os.path.isdir(os.path.join(root, os.path.dirname(resource_path))) else moved_to
    with open(os.path.join(base, resource_path), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    return [float(r[0]) for r in rows], [float(r[1]) for r in rows]


class BlueskyDocuments(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.docs = read_documents(SAMPLE)
        cls.by_name = {}
        for name, doc in cls.docs:
            cls.by_name.setdefault(name, []).append(doc)

    def test_every_line_is_a_name_and_a_document_in_run_order(self):
        names = [name for name, _ in self.docs]
        self.assertEqual("start", names[0])
        self.assertEqual("descriptor", names[1])
        self.assertEqual("stop", names[-1])
        self.assertTrue(all(n in ("event", "resource", "datum") for n in names[2:-1]), names)

    def test_each_document_has_the_fields_its_schema_requires(self):
        for name, doc in self.docs:
            self.assertLessEqual(REQUIRED[name], set(doc), f"{name} misses required fields")
            if "time" in REQUIRED[name]:
                self.assertIsInstance(doc["time"], (int, float), f"{name}.time is Unix epoch seconds")
        for event in self.by_name["event"]:
            self.assertLessEqual(set(event), EVENT_ALLOWED, "the event schema allows no other fields")
        self.assertIn(self.by_name["stop"][0]["exit_status"], {"success", "abort", "fail"})

    def test_the_start_describes_the_campaign(self):
        start = self.by_name["start"][0]
        self.assertEqual("autolab-campaign", start["plan_name"])
        self.assertEqual(start["uid"], start["campaign_id"])
        self.assertTrue(start["spec_name"])
        self.assertTrue(start["objectives"])
        self.assertTrue(start["parameter_space"])

    def test_uids_reference_the_start_and_the_descriptor(self):
        start = self.by_name["start"][0]
        descriptor = self.by_name["descriptor"][0]
        stop = self.by_name["stop"][0]
        events = self.by_name["event"]
        self.assertEqual(start["uid"], descriptor["run_start"])
        self.assertEqual(start["uid"], stop["run_start"])
        self.assertTrue(all(e["descriptor"] == descriptor["uid"] for e in events))
        uids = [d.get("uid", d.get("datum_id")) for _, d in self.docs]
        self.assertEqual(len(uids), len(set(uids)), "uids (and datum ids) are unique")

    def test_events_are_numbered_one_to_n_and_counted_by_the_stop(self):
        events = self.by_name["event"]
        self.assertEqual(list(range(1, len(events) + 1)), [e["seq_num"] for e in events])
        self.assertEqual({"primary": len(events)}, self.by_name["stop"][0]["num_events"])

    def test_every_event_value_is_described_and_timestamped(self):
        keys = self.by_name["descriptor"][0]["data_keys"]
        for key in keys.values():
            self.assertLessEqual(DATA_KEY_REQUIRED, set(key))
            self.assertIn(key["dtype"], DTYPES)
            if "external" not in key:
                self.assertEqual([], key["shape"], "AutoLab's inline values are scalars")
        for event in self.by_name["event"]:
            self.assertEqual(set(event["data"]), set(event["timestamps"]))
            self.assertLessEqual(set(event["data"]), set(keys))
            for name, value in event["data"].items():
                expected = (str,) if "external" in keys[name] else {"number": (int, float), "integer": (int,), "string": (str,)}[keys[name]["dtype"]]
                self.assertIsInstance(value, expected, name)

    def test_the_objective_column_can_be_tabulated(self):
        start = self.by_name["start"][0]
        objective = start["objectives"][0]["name"]
        values = [e["data"][objective] for e in self.by_name["event"]]
        self.assertEqual(len(self.by_name["event"]), len(values))
        self.assertTrue(all(isinstance(v, (int, float)) for v in values))


class ExternalPatterns(unittest.TestCase):
    """The measured patterns of an XRD run: external data keys, resources and datums, and the files behind them."""

    @classmethod
    def setUpClass(cls):
        cls.docs = read_documents(os.path.join(XRD_RUN, "documents.jsonl"))

    def test_every_pattern_is_a_datum_of_a_resource_given_before_its_event(self):
        keys = next(d for n, d in self.docs if n == "descriptor")["data_keys"]
        external = {k for k, v in keys.items() if v.get("external") == "FILESTORE:"}
        self.assertEqual({"diffractometer_pattern"}, external)
        self.assertEqual("array", keys["diffractometer_pattern"]["dtype"])
        resources, datums, events = {}, {}, 0
        for name, doc in self.docs:
            self.assertLessEqual(REQUIRED[name], set(doc), f"{name} misses required fields")
            if name == "resource":
                resources[doc["uid"]] = doc
            elif name == "datum":
                self.assertIn(doc["resource"], resources, "a datum comes after its resource")
                datums[doc["datum_id"]] = doc
            elif name == "event":
                events += 1
                datum_id = doc["data"]["diffractometer_pattern"]
                self.assertIn(datum_id, datums, "an event comes after the datum it refers to")
                self.assertEqual({"diffractometer_pattern": False}, doc["filled"])
        self.assertEqual(3, events)
        self.assertEqual(3, len(resources))

    def test_a_handler_of_a_few_lines_reads_each_pattern_back_at_the_described_length(self):
        keys = next(d for n, d in self.docs if n == "descriptor")["data_keys"]
        (points,) = keys["diffractometer_pattern"]["shape"]
        for name, doc in self.docs:
            if name != "resource":
                continue
            self.assertEqual("AUTOLAB_CSV", doc["spec"])
            two_theta, counts = read_autolab_csv(doc["root"], doc["resource_path"], moved_to=XRD_RUN)
            self.assertEqual(points, len(counts))
            self.assertEqual(sorted(two_theta), two_theta, "2-theta ascends")
            self.assertTrue(all(c >= 0 for c in counts), "counts are not negative")


if __name__ == "__main__":
    unittest.main()
