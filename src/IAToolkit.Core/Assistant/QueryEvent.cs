using System.Text.Json;
using IAToolkit.Assistant.Tools;

namespace IAToolkit.Assistant;

/// <summary>What a streamed question reports as it goes.</summary>
internal abstract record QueryEvent;

/// <summary>More text of the answer.</summary>
/// <param name="Text">The new text.</param>
internal sealed record AnswerDelta(string Text) : QueryEvent;

/// <summary>The model asked for a tool.</summary>
/// <param name="Name">The tool.</param>
/// <param name="Arguments">Its arguments.</param>
internal sealed record ToolCallRequested(string Name, JsonElement Arguments) : QueryEvent;

/// <summary>A tool finished.</summary>
/// <param name="Call">The call, its duration and outcome.</param>
internal sealed record ToolCallCompleted(ToolCallRecord Call) : QueryEvent;

/// <summary>The answer is complete.</summary>
/// <param name="Answer">The whole answer.</param>
internal sealed record QueryCompleted(QueryAnswer Answer) : QueryEvent;
