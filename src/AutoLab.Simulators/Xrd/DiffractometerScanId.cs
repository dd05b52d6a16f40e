namespace AutoLab.Simulators.Xrd;

/// <summary>Which command produced a scan: the step's idempotency key and its attempt.</summary>
/// <remarks>
/// <see cref="DiffractometerAccumulator"/> adds a scan with a given id once. A command re-sent after a crash carries
/// the same key and attempt (the orchestrator restarts an unfinished experiment under its old key, attempt 1 first),
/// and the simulator draws its counts from the seed, key and attempt, so the re-sent scan is the same scan.
/// </remarks>
/// <param name="IdempotencyKey">The command's idempotency key.</param>
/// <param name="Attempt">The command's 1-based attempt.</param>
public sealed record DiffractometerScanId(string IdempotencyKey, int Attempt);
