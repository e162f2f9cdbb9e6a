namespace IAToolkit.Benchmarks.Overhead;

/// <summary>One line of load: the model alone (no question), or a question as new users or as users with long history.</summary>
/// <param name="Name">As the table shows it.</param>
/// <param name="Question">The question sent to <c>llm_query</c>; null to send the host's own model request to the model server.</param>
/// <param name="HistoryUsers">0 for a new user per request; else how many users with long history the requests pick from.</param>
internal sealed record OverheadScenario(string Name, string? Question, int HistoryUsers)
{
    public bool IsModelAlone => Question is null;
}
