"""The wire encoding without a broker: envelopes as MassTransit 8.4.0 writes them (testdata/ holds
bodies captured from it), command checks and answer messages."""

import json
import math
import os
import tempfile
import unittest

from autolab_adapter import ResultStore
from autolab_wire import (MEASURE_SAMPLE, MEASUREMENT_COMPLETED, PREPARE_SAMPLE, STEP_FAULTED, BadOutput,
                          FaultKind, Measurement, Refused, Step, decode_command, envelope,
                          measurement_completed, sample_prepared, step_faulted, to_command)
from sphere_instrument import Sphere

HERE = os.path.dirname(os.path.abspath(__file__))


def captured(name):
    with open(os.path.join(HERE, "testdata", name), "rb") as f:
        return f.read()


class DecodingCommands(unittest.TestCase):
    def test_a_measure_sample_sent_by_masstransit_decodes_with_its_keys_as_written(self):
        message_type, message, doc = decode_command(captured("measure_sample.masstransit.json"))
        cmd = to_command(message_type, message)
        self.assertEqual(MEASURE_SAMPLE, message_type)
        self.assertEqual(Step.MEASURE, cmd.step)
        self.assertEqual({"X1": 0.25, "temperatureK": 450.0}, cmd.values, "dictionary keys keep their case")
        self.assertEqual({"Solvent": "ethanol"}, cmd.choices)
        self.assertEqual(2, cmd.attempt)
        self.assertEqual("S-0001", cmd.sample_id)
        self.assertEqual(doc["messageId"], "9b200000-36e6-3a49-ee3f-08df47dba81a")

    def test_a_prepare_sample_sent_by_masstransit_decodes_as_the_prepare_step(self):
        message_type, message, _ = decode_command(captured("prepare_sample.masstransit.json"))
        self.assertEqual(PREPARE_SAMPLE, message_type)
        self.assertEqual(Step.PREPARE, to_command(message_type, message).step)

    def test_a_body_that_is_not_json_is_rejected_saying_so(self):
        with self.assertRaisesRegex(ValueError, "not JSON"):
            decode_command(b"{nope")

    def test_a_body_without_a_message_object_is_rejected_saying_so(self):
        with self.assertRaisesRegex(ValueError, "no 'message' object"):
            decode_command(json.dumps({"messageType": ["urn:message:" + MEASURE_SAMPLE]}).encode())

    def test_an_unsupported_message_type_is_rejected_naming_it(self):
        body = json.dumps({"messageType": ["urn:message:AutoLab.Contracts.Analysis:AnalyzeMeasurement"], "message": {}})
        with self.assertRaisesRegex(ValueError, "AnalyzeMeasurement"):
            decode_command(body.encode())

    def test_a_parameter_that_is_not_a_finite_number_is_refused_naming_the_parameter(self):
        _, message, _ = decode_command(captured("measure_sample.masstransit.json"))
        message["parameters"]["values"]["X1"] = "hot"
        with self.assertRaisesRegex(Refused, r"parameters\.values\.X1"):
            to_command(MEASURE_SAMPLE, message)


    def test_an_attempt_that_is_not_a_whole_number_is_refused_naming_the_field(self):
        _, message, _ = decode_command(captured("measure_sample.masstransit.json"))
        message["attempt"] = "2"
        with self.assertRaisesRegex(Refused, "attempt is '2'"):
            to_command(MEASURE_SAMPLE, message)


class EncodingAnswers(unittest.TestCase):
    def setUp(self):
        message_type, self.message, _ = decode_command(captured("measure_sample.masstransit.json"))
        self.cmd = to_command(message_type, self.message)

    def test_the_envelope_carries_the_urn_message_type_and_its_id(self):
        message_id, env = envelope(MEASUREMENT_COMPLETED, {"a": 1}, "rabbitmq://h/q", "rabbitmq://h/x", "conv", "init")
        self.assertEqual(["urn:message:AutoLab.Contracts.Instruments:MeasurementCompleted"], env["messageType"])
        self.assertEqual(message_id, env["messageId"])
        self.assertEqual(("conv", "init"), (env["conversationId"], env["initiatorId"]))
        self.assertEqual({"a": 1}, env["message"])

    def test_a_measurement_answers_with_the_commands_ids_and_readings(self):
        _, m = measurement_completed(self.cmd, "python-sim", {"y": 2}, 0.5)
        self.assertEqual((self.message["campaignId"], self.message["idempotencyKey"]), (m["campaignId"], m["idempotencyKey"]))
        self.assertEqual({"y": 2.0}, m["readings"])
        self.assertEqual(0.5, m["durationSeconds"], "the wall time is used when the function gives none")

    def test_a_reading_that_is_nan_is_bad_output_naming_the_reading(self):
        with self.assertRaisesRegex(BadOutput, "reading 'y'"):
            measurement_completed(self.cmd, "python-sim", Measurement(readings={"y": math.nan}), 0.1)

    def test_data_without_a_uri_is_bad_output(self):
        with self.assertRaisesRegex(BadOutput, "data must be"):
            measurement_completed(self.cmd, "python-sim", Measurement(readings={}, data=[{"key": "frame"}]), 0.1)

    def test_a_preparation_answers_with_the_sample_id(self):
        message_type, m = sample_prepared(self.cmd, "python-sim", "S-7")
        self.assertEqual(("AutoLab.Contracts.Instruments:SamplePrepared", "S-7"), (message_type, m["sampleId"]))

    def test_a_fault_writes_its_enums_as_numbers(self):
        message_type, m = step_faulted(self.message, Step.MEASURE, "python-sim", FaultKind.DEVICE_ERROR, "r", True)
        self.assertEqual(STEP_FAULTED, message_type)
        self.assertEqual((1, 3, 2, True), (m["step"], m["kind"], m["attempt"], m["retryable"]))
        self.assertIsInstance(json.loads(json.dumps(m))["kind"], int)


class StoringResults(unittest.TestCase):
    def test_a_stored_result_survives_a_restart_when_kept_in_a_file(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "done.jsonl")
            ResultStore(path).put("k1", MEASUREMENT_COMPLETED, {"readings": {"y": 1.0}})
            self.assertEqual((MEASUREMENT_COMPLETED, {"readings": {"y": 1.0}}), ResultStore(path).get("k1"))
            self.assertIsNone(ResultStore(path).get("k2"))


class TheSphereInstrument(unittest.TestCase):
    def test_it_measures_the_squared_distance_from_point_three(self):
        _, message, _ = decode_command(captured("measure_sample.masstransit.json"))
        message["parameters"]["values"] = {"a": 0.3, "b": 1.3, "c": -0.7}
        reading = Sphere("s", 0, 0).measure(to_command(MEASURE_SAMPLE, message)).readings["y"]
        self.assertAlmostEqual(2.0, reading, places=12)

    def test_fail_every_makes_exactly_every_nth_measurement_a_device_error(self):
        _, message, _ = decode_command(captured("measure_sample.masstransit.json"))
        cmd, sphere, outcomes = to_command(MEASURE_SAMPLE, message), Sphere("s", 3, 0), []
        for _ in range(6):
            try:
                sphere.measure(cmd)
                outcomes.append("ok")
            except BadOutput:
                outcomes.append("bad")
            except Exception as e:  # DeviceError
                outcomes.append(type(e).__name__)
        self.assertEqual(["ok", "ok", "DeviceError", "ok", "ok", "DeviceError"], outcomes)


if __name__ == "__main__":
    unittest.main()
