"""A foreign AutoLab instrument adapter over RabbitMQ, speaking MassTransit 8's JSON wire format.

Usage (sphere_instrument.py is a whole program)::

    from autolab_adapter import InstrumentAdapter, Measurement, DeviceError

    def measure(cmd):                      # cmd: autolab_wire.Command
        return Measurement(readings={"y": ...})

    adapter = InstrumentAdapter("my-xrd", measure=measure)   # prepare=... serves PrepareSample
    adapter.run()                                             # until adapter.stop() (signal-safe)

The adapter consumes the queue ``instrument.<name>``, runs each idempotency key at most once
successfully (a re-delivered key gets its stored result published again), publishes
MeasurementCompleted / SamplePrepared or StepFaulted, and acknowledges a command only after the
broker confirmed the answer. Needs the standard library and pika (Debian: python3-pika).
"""

import json
import logging
import os
import re
import threading
import time
from urllib.parse import unquote, urlparse

import pika
import pika.exceptions

from autolab_wire import (  # noqa: F401  (re-exported so adapters import one module)
    CONTENT_TYPE, MEASURE_SAMPLE, PREPARE_SAMPLE, BadOutput, Command, DeviceError, FaultKind,
    Measurement, Preparation, Refused, Step, StepFailure, decode_command, envelope,
    measurement_completed, sample_prepared, step_faulted, to_command)

log = logging.getLogger("autolab_adapter")


class ResultStore:
    """Successful results by idempotency key; in memory and, given a path, in a JSON-lines file."""

    def __init__(self, path=None):
        self._path = path
        self._results = {}
        if path and os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        entry = json.loads(line)
                        self._results[entry["key"]] = (entry["type"], entry["message"])

    def get(self, key):
        return self._results.get(key)

    def put(self, key, message_type, message):
        self._results[key] = (message_type, message)
        if self._path:
            # fsync: the key must survive a crash between publishing and acknowledging.
            with open(self._path, "a", encoding="utf-8") as f:
                f.write(json.dumps({"key": key, "type": message_type, "message": message}) + "\n")
                f.flush()
                os.fsync(f.fileno())


class InstrumentAdapter:
    """Serves PrepareSample / MeasureSample for one instrument name on RabbitMQ."""

    def __init__(self, name, measure=None, prepare=None, uri=None, store=None):
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name or ""):
            raise ValueError(f"instrument name {name!r} must be letters, digits, '.', '_' or '-'")
        if measure is None and prepare is None:
            raise ValueError("give a measure function, a prepare function or both")
        self.uri = uri or os.environ.get("AUTOLAB_RABBITMQ_URI", "")
        if not self.uri:
            raise ValueError("no broker URI: set AUTOLAB_RABBITMQ_URI (scripts/rabbitmq.sh start writes .autolab/rabbitmq.uri)")
        self.name, self.queue = name, f"instrument.{name}"
        self._functions = {Step.PREPARE: prepare, Step.MEASURE: measure}
        self.store = store or ResultStore()
        self.executions = 0  # step-function calls, for tests and logs
        self._stopping = threading.Event()
        self._declared = set()
        url = urlparse(self.uri)
        vhost = unquote(url.path[1:]) if len(url.path) > 1 else "/"
        port = f":{url.port}" if url.port and url.port != 5672 else ""
        self._address_prefix = f"rabbitmq://{url.hostname}{port}/" + ("" if vhost == "/" else vhost + "/")

    def stop(self):
        """Asks run() to return after the command in hand is answered; safe from a signal handler."""
        self._stopping.set()

    def run(self, on_ready=None):
        """Consumes until stop(); reconnects with back-off when the broker connection drops."""
        backoff = 1.0
        while not self._stopping.is_set():
            try:
                self._serve(on_ready)
                return
            except (pika.exceptions.ProbableAuthenticationError, pika.exceptions.ProbableAccessDeniedError) as e:
                raise RuntimeError(f"{self.name}: the broker refused the credentials in the URI: {e!r}") from e
            except pika.exceptions.AMQPConnectionError as e:
                log.warning("%s: broker connection lost or refused (%r); retrying in %.0f s", self.name, e, backoff)
                self._stopping.wait(backoff)
                backoff = min(backoff * 2, 30.0)

    def _serve(self, on_ready):
        connection = pika.BlockingConnection(pika.URLParameters(self.uri))
        try:
            channel = connection.channel()
            channel.confirm_delivery()   # basic_publish returns only once the broker has the answer
            channel.basic_qos(prefetch_count=1)
            self._declared.clear()
            self._declare_topology(channel)
            log.info("%s: consuming %s", self.name, self.queue)
            if on_ready:
                on_ready()
            for method, properties, body in channel.consume(self.queue, inactivity_timeout=0.5):
                if method is not None:
                    self._handle(connection, channel, method, body)
                if self._stopping.is_set():
                    break
            channel.cancel()
        finally:
            if connection.is_open:
                connection.close()

    def _declare_topology(self, channel):
        # The same shapes MassTransit declares (durable, no arguments); different arguments would
        # fail with PRECONDITION_FAILED, so a name already declared by MassTransit matches.
        channel.queue_declare(self.queue, durable=True)
        channel.exchange_declare(self.queue, "fanout", durable=True)
        channel.queue_bind(self.queue, self.queue, routing_key="")
        error = self.queue + "_error"
        channel.queue_declare(error, durable=True)
        channel.exchange_declare(error, "fanout", durable=True)
        channel.queue_bind(error, error, routing_key="")

    def _handle(self, connection, channel, method, body):
        try:
            message_type, message, doc = decode_command(body)
            missing = [f for f in ("campaignId", "experimentId", "idempotencyKey") if not message.get(f)]
            if missing:
                raise ValueError(f"message lacks {', '.join(missing)}")
        except ValueError as e:
            # Nobody to answer: park it where MassTransit parks poison messages.
            log.error("%s: %s; moved to %s_error", self.name, e, self.queue)
            channel.basic_publish(self.queue + "_error", "", body, pika.BasicProperties(
                content_type=CONTENT_TYPE, delivery_mode=2, headers={"MT-Fault-Message": str(e)}))
            channel.basic_ack(method.delivery_tag)
            return
        key = message["idempotencyKey"]
        step = Step.PREPARE if message_type == PREPARE_SAMPLE else Step.MEASURE
        stored = self.store.get(key)
        if stored is not None:
            log.info("%s: %s already done; publishing the stored result again", self.name, key)
            result_type, result = stored
        else:
            result_type, result = self._execute(connection, step, message_type, message)
        try:
            self._publish(channel, result_type, result, doc)
        except (pika.exceptions.NackError, pika.exceptions.UnroutableError) as e:
            log.warning("%s: the broker did not take the answer to %s (%r); requeued", self.name, key, e)
            channel.basic_nack(method.delivery_tag, requeue=True)
            return
        channel.basic_ack(method.delivery_tag)

    def _execute(self, connection, step, message_type, message):
        where = f"{self.name} {step.name.lower()} (attempt {message.get('attempt', 1)})"
        try:
            cmd = to_command(message_type, message)
            if cmd.instrument and cmd.instrument != self.name:
                raise Refused(f"addressed to instrument '{cmd.instrument}', but this adapter is '{self.name}'")
            function = self._functions[step]
            if function is None:
                raise Refused(f"'{self.name}' does not serve the {step.name.lower()} step")
            started = time.monotonic()
            output = self._call(connection, function, cmd)
            if step == Step.MEASURE:
                result = measurement_completed(cmd, self.name, output, time.monotonic() - started)
            else:
                result = sample_prepared(cmd, self.name, output)
            self.store.put(cmd.idempotency_key, *result)
            return result
        except StepFailure as f:
            reason = str(f) if str(f).startswith(self.name) else f"{where}: {f}"
            return step_faulted(message, step, self.name, f.kind, reason, f.retryable)
        except Exception as e:  # any other failure of the device code is a device error
            log.exception("%s failed", where)
            return step_faulted(message, step, self.name, FaultKind.DEVICE_ERROR, f"{where}: {type(e).__name__}: {e}", True)

    def _call(self, connection, function, cmd):
        # Run the device code on a worker thread and keep the connection serviced meanwhile, so a
        # long measurement does not miss broker heartbeats.
        outcome = {}

        def work():
            try:
                outcome["value"] = function(cmd)
            except BaseException as e:  # re-raised on the consuming thread
                outcome["error"] = e

        self.executions += 1
        worker = threading.Thread(target=work, name=f"{self.name}-step", daemon=True)
        worker.start()
        while worker.is_alive():
            connection.process_data_events(time_limit=0.1)
            worker.join(0.05)
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("value")

    def _publish(self, channel, message_type, message, command_doc):
        if message_type not in self._declared:
            channel.exchange_declare(message_type, "fanout", durable=True)  # MassTransit's publish exchange
            self._declared.add(message_type)
        message_id, env = envelope(message_type, message, self._address_prefix + self.queue,
                                   self._address_prefix + message_type,
                                   conversation_id=command_doc.get("conversationId"),
                                   initiator_id=command_doc.get("messageId"))
        channel.basic_publish(message_type, "", json.dumps(env).encode("utf-8"), pika.BasicProperties(
            content_type=CONTENT_TYPE, delivery_mode=2, message_id=message_id))
