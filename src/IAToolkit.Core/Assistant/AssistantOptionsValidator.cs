using Microsoft.Extensions.Options;

namespace IAToolkit.Assistant;

/// <summary>
/// Validates <see cref="AssistantOptions"/> at start; every message names the setting and its value. Beyond the
/// ranges, one call to the provider may not outlast the question it belongs to.
/// </summary>
internal sealed class AssistantOptionsValidator : IValidateOptions<AssistantOptions>
{
    private static readonly TimeSpan s_shortestTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_longestRequest = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, AssistantOptions options)
    {
        var failures = new List<string>();
        // Each tool round is one model call, so at least one call must be allowed.
        CheckNumber(failures, nameof(AssistantOptions.MaxToolIterations), options.MaxToolIterations, 1, 100);
        CheckNumber(failures, nameof(AssistantOptions.MaxRetries), options.MaxRetries, 0, 10);
        // 0 sends no earlier turns; a million tokens is more than any model's context window.
        CheckNumber(failures, nameof(AssistantOptions.HistoryTokenBudget), options.HistoryTokenBudget, 0, 1_000_000);
        CheckTime(failures, nameof(AssistantOptions.RequestTimeout), options.RequestTimeout, s_shortestTimeout, s_longestRequest);
        CheckTime(failures, nameof(AssistantOptions.AttemptTimeout), options.AttemptTimeout, s_shortestTimeout, s_longestRequest);
        // Zero reads the company's context files on every question.
        CheckTime(failures, nameof(AssistantOptions.ContextCacheLifetime), options.ContextCacheLifetime, TimeSpan.Zero, TimeSpan.FromDays(1));
        // Redis refuses a zero expiry; a conversation older than a month is started again from PostgreSQL anyway.
        CheckTime(failures, nameof(AssistantOptions.ConversationCacheLifetime), options.ConversationCacheLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));

        // A longer attempt would never time out on its own: the question's timeout would cancel it first, and the
        // retries the attempt timeout exists for would never happen.
        if (options.AttemptTimeout > options.RequestTimeout)
        {
            failures.Add($"{AssistantOptions.SectionName}:{nameof(AssistantOptions.AttemptTimeout)} must not be longer than "
                + $"{AssistantOptions.SectionName}:{nameof(AssistantOptions.RequestTimeout)} ({options.RequestTimeout}); it is {options.AttemptTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTime(List<string> failures, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{AssistantOptions.SectionName}:{setting} must be between {min} and {max}; it is {value}.");
        }
    }

    private static void CheckNumber(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{AssistantOptions.SectionName}:{setting} must be between {min} and {max}; it is {value}.");
        }
    }
}
