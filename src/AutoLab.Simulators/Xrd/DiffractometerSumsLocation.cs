using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AutoLab.Instruments.Devices;

namespace AutoLab.Simulators.Xrd;

/// <summary>Where a diffractometer keeps a sample's scan sums on disk, derived from the command's data folder.</summary>
/// <remarks>
/// <para>The orchestrator gives each experiment the data folder <c>&lt;run&gt;/data/&lt;sequence&gt;</c>, the sequence
/// written with at least six digits (<c>CampaignProgress.NewExperiment</c>), and the host stages the device with
/// that folder as <see cref="StageContext.DataDirectory"/>. The sums of a campaign therefore live beside the
/// experiments' folders, inside the run folder, so <c>autolab resume</c> of that folder finds them:</para>
/// <code>
/// &lt;run&gt;/data/scan-sums/&lt;instrument&gt;/&lt;campaign id, 32 hex digits&gt;/&lt;sample&gt;.json
/// </code>
/// <para>A data folder of any other shape (a caller's own folder, or the host's temporary folder for a command that
/// names none) has no run folder above it that a resume would reopen, so such callers get no file and the sums stay
/// in memory. Names are reduced to letters, digits, <c>-</c> and <c>_</c>; a name that had to be changed gets a
/// hash of the original appended, so two samples never share a file.</para>
/// <seealso cref="DiffractometerAccumulator"/>
/// </remarks>
public static class DiffractometerSumsLocation
{
    /// <summary>Name of the folder under the campaign's data folder that holds the sums.</summary>
    public const string FolderName = "scan-sums";

    /// <summary>Extension of a sums file.</summary>
    public const string Extension = ".json";

    /// <summary>The file of <paramref name="sample"/>'s sums for the staged command, or null to keep them in memory.</summary>
    /// <param name="context">The command the device is staged for.</param>
    /// <param name="sample">The sample (e.g. <c>slot-3</c>).</param>
    /// <returns>An absolute path, or null when the data folder is not an experiment folder of a run.</returns>
    public static string? StateFile(StageContext context, string sample)
    {
        string? campaignData = CampaignDataFolder(context.DataDirectory);
        return campaignData is null
            ? null
            : Path.Combine(campaignData, FolderName, SafeName(context.Instrument), context.CampaignId.ToString("N"), SafeName(sample) + Extension);
    }

    /// <summary>The campaign's data folder above an experiment's, or null when <paramref name="dataDirectory"/> is not one.</summary>
    /// <param name="dataDirectory">The experiment's data folder.</param>
    /// <returns>The parent folder when the last name is a positive experiment sequence of at least six digits; else null.</returns>
    public static string? CampaignDataFolder(string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            return null;
        }

        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        string name = Path.GetFileName(full);
        // Six digits or more is how the orchestrator names an experiment's folder (sequence, "D6"); a sequence is 1-based.
        bool sequence = name.Length >= 6 && name.All(char.IsAsciiDigit)
            && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number >= 1;
        return sequence ? Path.GetDirectoryName(full) : null;
    }

    private static string SafeName(string name)
    {
        const int MaxLength = 64;
        var safe = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        if (safe.Length > 0 && safe.Length <= MaxLength && string.Equals(safe.ToString(), name, StringComparison.Ordinal))
        {
            return name;
        }

        // The hash keeps names apart that the reduction made equal ("a/b" and "a.b").
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16];
        return $"{safe.ToString()[..Math.Min(safe.Length, MaxLength)]}-{hash}";
    }
}
