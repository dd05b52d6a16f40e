using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Journal;

/// <summary>Folds the experiment-level journal entries into their <see cref="ExperimentRecord"/>s.</summary>
/// <remarks>
/// Entries are matched by the experiment id in their payload, not by their position, so a completion
/// journaled before its start (two sagas' appends racing into one batch) still lands on the right record.
/// The first entry of each kind wins; the unique key makes a second one a different fact only in a foreign journal.
/// </remarks>
internal static class ExperimentEntries
{
    public static void Apply(CampaignJournalState state, long sequence, object payload)
    {
        // Calibration runs (Scheduling/CalibrationJob, sequence 0) are journaled like experiments so
        // their readings are kept, but they neither use a suggestion nor count against the budget.
        if (payload is StartExperiment { Sequence: Scheduling.CalibrationJob.CalibrationSequence } calibration)
        {
            state.Calibrations.Add(calibration.ExperimentId);
            return;
        }

        if (ExperimentIdOf(payload) is { } id && state.Calibrations.Contains(id))
        {
            return;
        }

        switch (payload)
        {
            case StartExperiment start:
                ExperimentRecord started = state.Experiment(start.ExperimentId);
                started.Start ??= start;
                state.ConsumeSuggestion(start.ExperimentId);
                break;
            case SamplePrepared prepared:
                state.Experiment(prepared.ExperimentId).Prepared ??= prepared;
                break;
            case MeasurementCompleted measured:
                state.Experiment(measured.ExperimentId).Measured ??= measured;
                break;
            case AnalysisCompleted analyzed:
                state.Experiment(analyzed.ExperimentId).Analyzed ??= analyzed;
                break;
            case StepFaulted fault:
                state.Experiment(fault.ExperimentId).StepFaults.Add(fault);
                break;
            case ExperimentCompleted completed:
                ExperimentRecord done = state.Experiment(completed.ExperimentId);
                if (!done.IsFinished)
                {
                    done.Completed = completed;
                    done.OutcomeSequence = sequence;
                }

                break;
            case ExperimentFaulted faulted:
                ExperimentRecord failed = state.Experiment(faulted.ExperimentId);
                if (!failed.IsFinished)
                {
                    failed.Faulted = faulted;
                    failed.OutcomeSequence = sequence;
                }

                break;
            default:
                // Requests and approvals inform people reading the journal; replay needs nothing from them.
                break;
        }
    }

    static Guid? ExperimentIdOf(object payload) => payload switch
    {
        SamplePrepared p => p.ExperimentId,
        MeasurementCompleted m => m.ExperimentId,
        AnalysisCompleted a => a.ExperimentId,
        StepFaulted f => f.ExperimentId,
        ExperimentCompleted c => c.ExperimentId,
        ExperimentFaulted f => f.ExperimentId,
        _ => null,
    };
}
