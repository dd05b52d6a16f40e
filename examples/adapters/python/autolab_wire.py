"""AutoLab's step messages in MassTransit 8's JSON envelope: names, enums, encoding and checks.

No broker code here (autolab_adapter.py has it), so this part is testable without RabbitMQ.
docs/wire-contract.md describes the format; the values here were checked against MassTransit 8.4.0.
"""

import json
import math
import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import IntEnum

CONTENT_TYPE = "application/vnd.masstransit+json"
URN = "urn:message:"
PREPARE_SAMPLE = "AutoLab.Contracts.Instruments:PrepareSample"
MEASURE_SAMPLE = "AutoLab.Contracts.Instruments:MeasureSample"
SAMPLE_PREPARED = "AutoLab.Contracts.Instruments:SamplePrepared"
MEASUREMENT_COMPLETED = "AutoLab.Contracts.Instruments:MeasurementCompleted"
STEP_FAULTED = "AutoLab.Contracts.Orchestration:StepFaulted"


class Step(IntEnum):
    """ExperimentStep; MassTransit writes C# enums as numbers."""
    PREPARE = 0
    MEASURE = 1
    ANALYZE = 2


class FaultKind(IntEnum):
    """StepFaultKind; MassTransit writes C# enums as numbers."""
    REFUSED = 0
    TIMEOUT = 1
    BAD_OUTPUT = 2
    DEVICE_ERROR = 3
    UNAVAILABLE = 4


class StepFailure(Exception):
    """Raise from a step function to publish StepFaulted with this kind and retryable flag."""
    kind = FaultKind.DEVICE_ERROR
    retryable = True

    def __init__(self, reason, retryable=None):
        super().__init__(reason)
        if retryable is not None:
            self.retryable = retryable


class DeviceError(StepFailure):
    """The instrument failed while executing; retryable unless said otherwise."""


class BadOutput(StepFailure):
    """The instrument produced output that cannot be used (NaN, missing values)."""
    kind = FaultKind.BAD_OUTPUT


class Refused(StepFailure):
    """The command is outside what the instrument may do; never executed, never retried."""
    kind = FaultKind.REFUSED
    retryable = False


@dataclass
class Command:
    """A PrepareSample or MeasureSample as the step function sees it."""
    step: Step
    campaign_id: str
    experiment_id: str
    idempotency_key: str
    instrument: str
    attempt: int
    values: dict          # numeric parameters by name, in their declared units
    choices: dict         # categorical parameters by name
    options: dict         # instrument options from the campaign spec (strings)
    sample_id: str        # from the prepare step (measure only; "" when none)
    data_directory: str   # where large data may be written (absolute path)
    message: dict = field(repr=False)  # the whole message, for fields not listed here


@dataclass
class Measurement:
    """What a measure function returns: readings in the instrument's units, data by reference."""
    readings: dict
    data: list = field(default_factory=list)   # DataReference dicts: key, uri, mediaType, length, sha256
    duration_seconds: float = None  # None: the adapter uses the wall time the function took


@dataclass
class Preparation:
    """What a prepare function returns."""
    sample_id: str = ""
    readings: dict = field(default_factory=dict)


def utc_now():
    return datetime.now(timezone.utc).isoformat()


def envelope(message_type, message, source, destination, conversation_id=None, initiator_id=None):
    """Wraps a message in MassTransit's JSON envelope; returns (message id, body dict)."""
    message_id = str(uuid.uuid4())
    return message_id, {
        "messageId": message_id,
        "conversationId": conversation_id or str(uuid.uuid4()),
        "initiatorId": initiator_id,
        "sourceAddress": source,
        "destinationAddress": destination,
        "messageType": [URN + message_type],
        "message": message,
        "sentTime": utc_now(),
        "headers": {},
        "host": {"machineName": socket.gethostname(), "processName": "python3", "processId": os.getpid(),
                 "assembly": "autolab_adapter", "assemblyVersion": "1.0"},
    }


def decode_command(body):
    """Parses an envelope into (message type, message, envelope). Raises ValueError naming the problem."""
    try:
        doc = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValueError(f"body is not JSON: {e}") from e
    if not isinstance(doc, dict) or not isinstance(doc.get("message"), dict):
        raise ValueError("body is not a MassTransit envelope (no 'message' object)")
    types = [t[len(URN):] for t in doc.get("messageType") or [] if isinstance(t, str) and t.startswith(URN)]
    known = [t for t in types if t in (PREPARE_SAMPLE, MEASURE_SAMPLE)]
    if not known:
        raise ValueError(f"unsupported messageType {doc.get('messageType')!r}; expected PrepareSample or MeasureSample")
    return known[0], doc["message"], doc


def to_command(message_type, m):
    """Builds a Command; raises Refused naming the field when the message is malformed."""
    def mapping(value, where):
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise Refused(f"{where} must be a JSON object, got {type(value).__name__}")
        return value

    params = mapping(m.get("parameters"), "parameters")
    values, choices = mapping(params.get("values"), "parameters.values"), mapping(params.get("choices"), "parameters.choices")
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise Refused(f"parameters.values.{name} is {value!r}, not a finite number")
    for name, value in choices.items():
        if not isinstance(value, str):
            raise Refused(f"parameters.choices.{name} is {value!r}, not a string")
    attempt = m.get("attempt", 1)
    if isinstance(attempt, bool) or not isinstance(attempt, int) or attempt < 1:
        raise Refused(f"attempt is {attempt!r}, not a whole number of at least 1")
    step = Step.PREPARE if message_type == PREPARE_SAMPLE else Step.MEASURE
    return Command(step=step, campaign_id=m["campaignId"], experiment_id=m["experimentId"],
                   idempotency_key=m["idempotencyKey"], instrument=str(m.get("instrument") or ""),
                   attempt=attempt, values={k: float(v) for k, v in values.items()}, choices=dict(choices),
                   options={k: str(v) for k, v in mapping(m.get("options"), "options").items()},
                   sample_id=str(m.get("sampleId") or ""), data_directory=str(m.get("dataDirectory") or ""),
                   message=m)


def readings_or_fail(readings, where):
    if not isinstance(readings, dict):
        raise BadOutput(f"{where}: readings must be a dict of name -> number, got {type(readings).__name__}")
    out = {}
    for name, value in readings.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise BadOutput(f"{where}: reading '{name}' is {value!r}, not a finite number")
        out[str(name)] = float(value)
    return out


def data_or_fail(data, where):
    if not isinstance(data, list) or not all(isinstance(d, dict) and d.get("key") and d.get("uri") for d in data):
        raise BadOutput(f"{where}: data must be a list of DataReference dicts with 'key' and 'uri'")
    return [dict(d) for d in data]


def measurement_completed(cmd, instrument, output, elapsed_seconds):
    """The MeasurementCompleted answering cmd. output is a Measurement or a plain dict of readings."""
    where = f"{instrument} measure (attempt {cmd.attempt})"
    if isinstance(output, dict):
        output = Measurement(readings=output)
    if not isinstance(output, Measurement):
        raise BadOutput(f"{where}: the measure function returned {type(output).__name__}, not Measurement or dict")
    duration = elapsed_seconds if output.duration_seconds is None else output.duration_seconds
    return MEASUREMENT_COMPLETED, {
        "campaignId": cmd.campaign_id, "experimentId": cmd.experiment_id,
        "idempotencyKey": cmd.idempotency_key, "timestamp": utc_now(), "instrument": instrument,
        "readings": readings_or_fail(output.readings, where), "data": data_or_fail(output.data, where),
        "durationSeconds": float(duration),
    }


def sample_prepared(cmd, instrument, output):
    """The SamplePrepared answering cmd. output is a Preparation, a sample id string or None."""
    where = f"{instrument} prepare (attempt {cmd.attempt})"
    if output is None or isinstance(output, str):
        output = Preparation(sample_id=output or "")
    if not isinstance(output, Preparation):
        raise BadOutput(f"{where}: the prepare function returned {type(output).__name__}, not Preparation, str or None")
    return SAMPLE_PREPARED, {
        "campaignId": cmd.campaign_id, "experimentId": cmd.experiment_id,
        "idempotencyKey": cmd.idempotency_key, "timestamp": utc_now(), "instrument": instrument,
        "sampleId": str(output.sample_id), "readings": readings_or_fail(output.readings, where),
    }


def step_faulted(message, step, instrument, kind, reason, retryable):
    """The StepFaulted answering a command message (the envelope's 'message' object)."""
    return STEP_FAULTED, {
        "campaignId": message["campaignId"], "experimentId": message["experimentId"],
        "idempotencyKey": message["idempotencyKey"], "timestamp": utc_now(), "step": int(step),
        "instrument": instrument, "attempt": int(message.get("attempt", 1)), "kind": int(kind),
        "reason": reason, "retryable": bool(retryable),
    }
