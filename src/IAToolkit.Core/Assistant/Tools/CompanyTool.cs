using System.Text.Json;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// One of the company's company.yaml <c>tools</c>, run by its <c>HandleRequestAsync</c>; its schema is the one
/// company.yaml gives (<c>params</c>), so the arguments reach the company's code as the model sent them.
/// </summary>
internal sealed class CompanyTool : IToolInvoker
{
    private readonly string _name;

    public CompanyTool(string name) => _name = name;

    public async Task<object?> InvokeAsync(JsonElement arguments, ToolRun run, CancellationToken cancellationToken)
    {
        var context = CompanyRequestContext.For(run.Company, run.Services, run.User.UserIdentifier);
        return await run.Company.Implementation.HandleRequestAsync(_name, arguments, context, cancellationToken);
    }

    public object ErrorResult(IAToolkitException exception, ToolRun run) => new { error = exception.Message };
}
