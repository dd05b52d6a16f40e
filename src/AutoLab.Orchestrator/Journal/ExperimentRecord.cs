using AutoLab.Contracts;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Journal;

/// <summary>What the journal says about one experiment, gathered by experiment id whatever the entry order.</summary>
internal sealed class ExperimentRecord(Guid experimentId)
{
    public Guid ExperimentId { get; } = experimentId;

    public StartExperiment? Start { get; set; }

    public SamplePrepared? Prepared { get; set; }

    public MeasurementCompleted? Measured { get; set; }

    public AnalysisCompleted? Analyzed { get; set; }

    /// <summary>Step attempts that failed, in journal order.</summary>
    public List<StepFaulted> StepFaults { get; } = [];

    /// <summary>Set when the first outcome journaled was a completion.</summary>
    public ExperimentCompleted? Completed { get; set; }

    /// <summary>Set when the first outcome journaled was a fault.</summary>
    public ExperimentFaulted? Faulted { get; set; }

    /// <summary>Journal sequence of the outcome; orders experiments that claim the same experiment sequence.</summary>
    public long OutcomeSequence { get; set; }

    public bool IsFinished => Completed is not null || Faulted is not null;

    /// <summary>1-based order in which the campaign started it, from whichever entry names it.</summary>
    public int Sequence => Start?.Sequence ?? Completed?.Observation.Sequence ?? Faulted?.Sequence ?? 0;

    public ParameterPoint Parameters =>
        Start?.Parameters ?? Completed?.Observation.Parameters ?? Faulted?.Parameters ?? new ParameterPoint();

    /// <summary>The observation an optimizer sees: the journaled one, or a failed one for a fault.</summary>
    public Observation? ToObservation() =>
        Completed is not null
            ? Completed.Observation
            : Faulted is not null
                ? new Observation { ExperimentId = ExperimentId, Sequence = Sequence, Parameters = Parameters, Succeeded = false }
                : null;

    /// <summary>The start command again, carrying the prepare and measure results the journal already has.</summary>
    public StartExperiment? ToRestart() =>
        Start is null
            ? null
            : Start with
            {
                // Null means "not prepared"; an empty id is still a finished preparation.
                PreparedSampleId = Prepared?.SampleId,
                Measurement = Measured is null
                    ? null
                    : new CompletedMeasurement { Instrument = Measured.Instrument, Readings = Measured.Readings, Data = Measured.Data },
            };
}
