namespace AutoLab.Instruments.Devices;

/// <summary>A device whose settings come from the command's options (e.g. "function": "branin").</summary>
/// <remarks>
/// The host calls <see cref="ConfigureAsync"/> before the limits check, so the check sees the
/// configuration. Options the device cannot accept are reported by throwing
/// <see cref="DeviceRefusedException"/>.
/// </remarks>
public interface IConfigurable
{
    /// <summary>Applies the command's options.</summary>
    /// <param name="options">Instrument options from the campaign spec.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the options are applied.</returns>
    Task ConfigureAsync(IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken);
}
