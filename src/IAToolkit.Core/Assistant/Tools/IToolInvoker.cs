using System.Text.Json;

namespace IAToolkit.Assistant.Tools;

/// <summary>What <see cref="ToolFunction"/> calls: runs a tool on the model's raw arguments, and says what the model reads when it failed.</summary>
internal interface IToolInvoker
{
    /// <exception cref="IAToolkitException">The call failed in a way the model is shown.</exception>
    Task<object?> InvokeAsync(JsonElement arguments, ToolRun run, CancellationToken cancellationToken);

    object ErrorResult(IAToolkitException exception, ToolRun run);
}
