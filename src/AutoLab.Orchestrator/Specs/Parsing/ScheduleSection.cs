using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>Reads <c>schedule</c>: start time, window end, beam-time window and calibration.</summary>
internal static class ScheduleSection
{
    private static readonly string[] Keys = ["start_at", "window_end", "beam_time", "calibration"];

    private static readonly string[] CalibrationKeys = ["every", "instrument", "options"];

    public static ScheduleSpec? Read(SpecReader reader, YamlNode node, string path)
    {
        SpecMapping? m = reader.Mapping(node, path, Keys);
        if (m is null)
        {
            return null;
        }

        return new ScheduleSpec
        {
            StartAt = m.Timestamp("start_at"),
            WindowEnd = m.Timestamp("window_end"),
            BeamTime = m.Duration("beam_time"),
            Calibration = m.Optional("calibration") is { } calibration ? ReadCalibration(reader, calibration, m.PathOf("calibration")) : null,
        };
    }

    private static CalibrationSpec? ReadCalibration(SpecReader reader, YamlNode node, string path)
    {
        SpecMapping? m = reader.Mapping(node, path, CalibrationKeys);
        if (m is null)
        {
            return null;
        }

        return new CalibrationSpec
        {
            Every = m.Duration("every", required: true) ?? TimeSpan.Zero,
            Instrument = m.Text("instrument", required: true) ?? "",
            Options = m.Options("options"),
        };
    }
}
