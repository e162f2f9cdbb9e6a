using System.Globalization;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>The options of the <c>overhead</c> verb.</summary>
internal sealed record OverheadOptions
{
    public const string Usage = "overhead [--duration 10s] [--warmup 2s] [--connections 1,16,64] [--history-users 200] [--history-turns 1000] [--questions N] [--scenarios model,question,history,sql]";

    /// <summary>How long each measured wrk run lasts.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the unmeasured wrk run before each measured one lasts.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    public IReadOnlyList<int> Connections { get; init; } = [1, 16, 64];

    /// <summary>How many users with a long conversation the "users with long history" scenario picks from.</summary>
    public int HistoryUsers { get; init; } = 200;

    /// <summary>How many turns each of those users has already.</summary>
    public int HistoryTurns { get; init; } = 1000;

    /// <summary>Which rows of the table to measure: <c>model</c>, <c>question</c>, <c>history</c>, <c>sql</c>.</summary>
    public IReadOnlySet<string> Scenarios { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "model", "question", "history", "sql" };

    /// <summary>When set, the long run instead of the table: this many questions at the highest connection count.</summary>
    public long? Questions { get; init; }

    public static OverheadOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var options = new OverheadOptions();
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                problem = $"{name} needs a value";
                return null;
            }

            var value = args[++i];
            try
            {
                options = name switch
                {
                    "--duration" => options with { Duration = Seconds(value) },
                    "--warmup" => options with { Warmup = Seconds(value) },
                    "--connections" => options with { Connections = [.. value.Split(',').Select(c => Positive(c.Trim()))] },
                    "--history-users" => options with { HistoryUsers = Positive(value) },
                    "--history-turns" => options with { HistoryTurns = Positive(value) },
                    "--questions" => options with { Questions = Positive(value) },
                    "--scenarios" => options with { Scenarios = ScenarioNames(value) },
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
            catch (FormatException e)
            {
                problem = $"{name} {value}: {e.Message}";
                return null;
            }
        }

        return options;
    }

    /// <summary><c>10s</c>, <c>1m</c> or a number of seconds.</summary>
    private static TimeSpan Seconds(string value)
    {
        var (number, unit) = value.EndsWith('m') ? (value[..^1], 60) : (value.TrimEnd('s'), 1);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0
            ? TimeSpan.FromSeconds(amount * unit)
            : throw new FormatException("write a duration such as 10s or 1m");
    }

    private static HashSet<string> ScenarioNames(string value)
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = names.Except(["model", "question", "history", "sql"]).ToList();
        return names.Count > 0 && unknown.Count == 0 ? names : throw new FormatException("name some of model, question, history, sql");
    }

    private static int Positive(string value)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : throw new FormatException("write a positive whole number");
}
