using AutoLab.Contracts.Orchestration;

namespace AutoLab.Instruments.Hosting;

/// <summary>Builds the key under which a step command is stored in the <see cref="IIdempotencyStore"/>.</summary>
internal static class IdempotencyKeys
{
    // The step and instrument are part of the key so that a caller reusing one key for two different
    // steps or instruments cannot get the other one's result back.
    public static string For(ExperimentStep step, string instrument, string idempotencyKey) =>
        $"{step}|{instrument}|{idempotencyKey}";
}
