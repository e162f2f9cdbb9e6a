using System.Runtime.CompilerServices;
using System.Text.Json;
using IAToolkit.Companies;
using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// A tool the model can call, written by a company (or built into the framework). Derive from it, give the tool a
/// name and a description, describe its arguments as a record <typeparamref name="TArguments"/> (its properties,
/// snake_case, are the tool's parameters; <c>[Description]</c> attributes tell the model what each one means), and
/// register it with <c>builder.AddIAToolkit().AddTool&lt;MyTool&gt;()</c>. The framework turns the record into the
/// JSON schema the model sees, binds the model's arguments to it, times and records every call, and shows a failure
/// (a missing or ill-typed argument, an <see cref="IAToolkitException"/>) to the model as an error it can read instead
/// of failing the question.
/// </summary>
/// <remarks>One instance serves every question (a singleton): keep per-call state in locals, and resolve scoped services from <see cref="AssistantToolContext.Services"/>.</remarks>
/// <typeparam name="TArguments">The tool's arguments: a record whose constructor parameters without a default are required.</typeparam>
// Deliberate: companies derive from AssistantTool<TArguments>, never from AssistantTool itself (its constructor is private protected).
#pragma warning disable RS0022
public abstract class AssistantTool<TArguments> : AssistantTool, IToolInvoker
#pragma warning restore RS0022
{
    private readonly ConditionalWeakTable<Company, StrongBox<JsonElement>> _schemas = [];
    private JsonElement? _schema;

    /// <summary>
    /// Runs the tool. The result is serialized to JSON for the model (a string is passed as is). Throw an
    /// <see cref="IAToolkitException"/> to show the model an error it can act on; other exceptions fail the question.
    /// </summary>
    /// <param name="arguments">The model's arguments, bound to the record.</param>
    /// <param name="context">Who is asking, for which company, and the request's services.</param>
    /// <param name="cancellationToken">Signaled when the question is abandoned or times out.</param>
    public abstract Task<object?> InvokeAsync(TArguments arguments, AssistantToolContext context, CancellationToken cancellationToken);

    /// <summary>The parameters' schema the model sees for this company; built-in tools add the company's choices (databases, types).</summary>
    internal virtual JsonElement SchemaFor(Company company) => _schema ??= ToolArguments.Schema<TArguments>();

    /// <summary>The model's arguments as the record; built-in tools with their own policy override it.</summary>
    /// <exception cref="IAToolkitException">An argument is missing or of the wrong type.</exception>
    internal virtual TArguments Bind(JsonElement arguments, ToolRun run) => ToolArguments.Bind<TArguments>(arguments);

    /// <summary>What the model reads when the call failed.</summary>
    internal virtual object ErrorResult(IAToolkitException exception, ToolRun run) => new { error = exception.Message };

    internal override IEnumerable<AIFunction> ToolsFor(ToolRun run)
        => AppliesTo(run.Company) ? [new ToolFunction(Name, Description, CachedSchemaFor(run.Company), this, run)] : [];

    // A schema is built once per loaded company (a reloaded company is a new instance, so it gets a new schema), not
    // per question: building one reflects over the record and allocates its JSON.
    private JsonElement CachedSchemaFor(Company company)
        => _schemas.GetValue(company, c => new StrongBox<JsonElement>(SchemaFor(c))).Value;

    Task<object?> IToolInvoker.InvokeAsync(JsonElement arguments, ToolRun run, CancellationToken cancellationToken)
        => InvokeAsync(Bind(arguments, run), new AssistantToolContext(run), cancellationToken);

    object IToolInvoker.ErrorResult(IAToolkitException exception, ToolRun run) => ErrorResult(exception, run);
}
