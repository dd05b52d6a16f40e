"""The adapter against a real RabbitMQ (scripts/rabbitmq.sh start; AUTOLAB_RABBITMQ_URI): commands in
MassTransit's envelope go in, answers come out on MassTransit's publish exchanges. Skipped when
AUTOLAB_RABBITMQ_URI is unset. Each test uses its own instrument name and deletes its queues."""

import json
import os
import subprocess
import sys
import threading
import time
import unittest
import uuid

import pika

from autolab_adapter import InstrumentAdapter, Measurement, ResultStore
from autolab_wire import (CONTENT_TYPE, MEASURE_SAMPLE, MEASUREMENT_COMPLETED, PREPARE_SAMPLE, SAMPLE_PREPARED,
                          STEP_FAULTED, DeviceError, envelope)

URI = os.environ.get("AUTOLAB_RABBITMQ_URI", "")
HERE = os.path.dirname(os.path.abspath(__file__))
WAIT_SECONDS = 10


@unittest.skipUnless(URI, "AUTOLAB_RABBITMQ_URI is not set (scripts/rabbitmq.sh start writes .autolab/rabbitmq.uri)")
class TheAdapterOnRabbitMq(unittest.TestCase):
    def setUp(self):
        self.name = f"pytest-{uuid.uuid4().hex[:8]}"
        self.queue = f"instrument.{self.name}"
        self.connection = pika.BlockingConnection(pika.URLParameters(URI))
        self.channel = self.connection.channel()
        # Listen to the answers the way a MassTransit consumer would: a queue bound to the publish exchanges.
        self.answers = self.channel.queue_declare("", exclusive=True).method.queue
        for exchange in (MEASUREMENT_COMPLETED, SAMPLE_PREPARED, STEP_FAULTED):
            self.channel.exchange_declare(exchange, "fanout", durable=True)
            self.channel.queue_bind(self.answers, exchange)
        self.adapter = None
        self.calls = []

    def tearDown(self):
        if self.adapter:
            self.adapter.stop()
            self.thread.join(WAIT_SECONDS)
        for name in (self.queue, self.queue + "_error"):
            self.channel.queue_delete(name)
            self.channel.exchange_delete(name)
        self.connection.close()

    def start(self, measure=None, prepare=None):
        ready = threading.Event()
        self.adapter = InstrumentAdapter(self.name, measure=measure, prepare=prepare, uri=URI, store=ResultStore())
        self.thread = threading.Thread(target=self.adapter.run, kwargs={"on_ready": ready.set}, daemon=True)
        self.thread.start()
        self.assertTrue(ready.wait(WAIT_SECONDS), "the adapter did not start consuming")

    def send(self, message_type=MEASURE_SAMPLE, key=None, values=None, body=None, instrument=None):
        message = {"campaignId": str(uuid.uuid4()), "experimentId": str(uuid.uuid4()),
                   "idempotencyKey": key or uuid.uuid4().hex, "timestamp": "2026-11-21T14:30:05+00:00",
                   "instrument": instrument or self.name, "attempt": 1,
                   "parameters": {"values": values or {"X1": 0.5, "x2": 0.3}, "choices": {}}}
        message_id, env = envelope(message_type, message, "rabbitmq://127.0.0.1/test", "rabbitmq://127.0.0.1/" + self.queue)
        # Sent as MassTransit sends to queue:instrument.<name>: through the exchange of the same name.
        self.channel.basic_publish(self.queue, "", body or json.dumps(env).encode(),
                                   pika.BasicProperties(content_type=CONTENT_TYPE, delivery_mode=2, message_id=message_id))
        return message, env

    def answers_for(self, key, count):
        found, deadline = [], time.monotonic() + WAIT_SECONDS
        while len(found) < count and time.monotonic() < deadline:
            method, properties, body = self.channel.basic_get(self.answers, auto_ack=True)
            if method is None:
                self.connection.sleep(0.05)
                continue
            doc = json.loads(body)
            if doc["message"].get("idempotencyKey") == key:
                found.append((method.exchange, properties, doc))
        return found

    def test_a_measure_command_is_answered_with_measurement_completed_in_the_masstransit_envelope(self):
        self.start(measure=lambda cmd: Measurement(readings={"Y": cmd.values["X1"] * 2}))
        message, command = self.send()
        [(exchange, properties, doc)] = self.answers_for(message["idempotencyKey"], 1)
        self.assertEqual(MEASUREMENT_COMPLETED, exchange)
        self.assertEqual(CONTENT_TYPE, properties.content_type)
        self.assertEqual(["urn:message:" + MEASUREMENT_COMPLETED], doc["messageType"])
        self.assertEqual(properties.message_id, doc["messageId"])
        self.assertEqual(command["conversationId"], doc["conversationId"], "the answer continues the conversation")
        self.assertEqual({"Y": 1.0}, doc["message"]["readings"])
        self.assertEqual(self.name, doc["message"]["instrument"])

    def test_a_redelivered_key_is_measured_once_and_answered_again_with_the_stored_result(self):
        self.start(measure=lambda cmd: self.calls.append(cmd) or {"y": len(self.calls)})
        key = uuid.uuid4().hex
        self.send(key=key)
        self.send(key=key)
        answers = self.answers_for(key, 2)
        self.assertEqual(2, len(answers), "both deliveries are answered")
        self.assertEqual(1, len(self.calls), "the instrument ran the key once")
        self.assertEqual(answers[0][2]["message"], answers[1][2]["message"], "the same result both times")
        self.assertNotEqual(answers[0][2]["messageId"], answers[1][2]["messageId"])

    def test_a_device_error_is_a_retryable_step_fault_and_the_retry_runs_again(self):
        def measure(cmd):
            self.calls.append(cmd)
            if len(self.calls) == 1:
                raise DeviceError("shutter stuck")
            return {"y": 1}
        self.start(measure=measure)
        key = uuid.uuid4().hex
        self.send(key=key)
        [(exchange, _, fault)] = self.answers_for(key, 1)
        self.send(key=key)
        [(exchange2, _, _)] = self.answers_for(key, 1)
        self.assertEqual(STEP_FAULTED, exchange)
        self.assertEqual((1, 3, True), (fault["message"]["step"], fault["message"]["kind"], fault["message"]["retryable"]))
        self.assertIn("shutter stuck", fault["message"]["reason"])
        self.assertEqual(MEASUREMENT_COMPLETED, exchange2, "a failed key is not stored, so the retry measures")

    def test_a_command_for_another_instrument_is_refused_and_not_retryable(self):
        self.start(measure=lambda cmd: self.calls.append(cmd) or {"y": 0})
        message, _ = self.send(instrument="someone-else")
        [(exchange, _, fault)] = self.answers_for(message["idempotencyKey"], 1)
        self.assertEqual((STEP_FAULTED, 0, False), (exchange, fault["message"]["kind"], fault["message"]["retryable"]))
        self.assertEqual([], self.calls)

    def test_a_prepare_command_is_answered_with_sample_prepared(self):
        self.start(prepare=lambda cmd: "S-42")
        message, _ = self.send(message_type=PREPARE_SAMPLE)
        [(exchange, _, doc)] = self.answers_for(message["idempotencyKey"], 1)
        self.assertEqual((SAMPLE_PREPARED, "S-42"), (exchange, doc["message"]["sampleId"]))

    def test_a_body_that_is_not_an_envelope_goes_to_the_error_queue(self):
        self.start(measure=lambda cmd: {"y": 0})
        with self.assertLogs("autolab_adapter", "ERROR") as logged:
            self.send(body=b"not json")
            deadline, count = time.monotonic() + WAIT_SECONDS, 0
            while count == 0 and time.monotonic() < deadline:
                self.connection.sleep(0.05)
                count = self.channel.queue_declare(self.queue + "_error", passive=True).method.message_count
        self.assertEqual(1, count)
        self.assertIn("not JSON", logged.output[0], "the log says what was wrong")

    def test_the_sphere_instrument_answers_and_stops_cleanly_on_sigterm(self):
        process = subprocess.Popen([sys.executable, os.path.join(HERE, "sphere_instrument.py"), "--name", self.name, "--uri", URI],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            self.assertEqual(f"ready: consuming {self.queue}", process.stdout.readline().strip())
            message, _ = self.send(values={"a": 0.3, "b": 1.3})
            [(_, _, doc)] = self.answers_for(message["idempotencyKey"], 1)
            self.assertAlmostEqual(1.0, doc["message"]["readings"]["y"], places=12)
            process.terminate()
            self.assertEqual(0, process.wait(WAIT_SECONDS), process.stderr.read())
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            process.stdout.close()
            process.stderr.close()


if __name__ == "__main__":
    unittest.main()
