using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IAToolkit.Benchmarks.Overhead;

/// <summary>
/// The Lua script of one wrk run: the request each connection sends, and a <c>done()</c> that prints the results as one
/// JSON line (<see cref="ResultPrefix"/>) with wrk's own CPU time read from <c>/proc/self/stat</c>.
/// </summary>
internal static class WrkScript
{
    /// <summary>The start of the line <c>done()</c> prints.</summary>
    public const string ResultPrefix = "OVERHEAD-RESULT ";

    /// <summary>The same request again and again (the model alone): the body is read once from <paramref name="bodyFile"/>.</summary>
    public static string Fixed(string bodyFile) => $$"""
        -- Written by the overhead benchmark: one fixed request, built once by wrk.
        local file = assert(io.open({{Lua(bodyFile)}}, "rb"))
        wrk.method = "POST"
        wrk.body = file:read("*a")
        file:close()
        wrk.headers["Content-Type"] = "application/json"
        {{Done}}
        """;

    /// <summary>
    /// A question to <paramref name="path"/> as a new user each time (<paramref name="historyUsers"/> 0) or as one of the
    /// users <c>bench-history-1..N</c> picked at random, who continues their latest turn. Requests take the API keys in turn.
    /// With <paramref name="sweepThreads"/> (a warm-up) the users are taken in order instead, so each gets a first
    /// question (and its window into the cache) as early as possible.
    /// </summary>
    public static string Questions(string path, string question, IReadOnlyList<string> keys, string runTag, int historyUsers, int sweepThreads = 0)
    {
        var prefix = "{\"question\":" + JsonSerializer.Serialize(question) + ",\"user_identifier\":\"";
        var keyList = string.Join(", ", keys.Select(k => Lua("Bearer " + k)));
        return $$"""
            -- Written by the overhead benchmark: POST {{path}}, one question per request.
            local path = {{Lua(path)}}
            local prefix = {{Lua(prefix)}}
            local suffix = '"}'
            local keys = { {{keyList}} }
            local history_users = {{historyUsers.ToString(CultureInfo.InvariantCulture)}}
            local run_tag = {{Lua(runTag)}}
            local sweep_threads = {{sweepThreads.ToString(CultureInfo.InvariantCulture)}}
            local counter = 0
            local thread_number = 0
            local headers = {}
            for i = 1, #keys do
              headers[i] = { ["Content-Type"] = "application/json", ["Authorization"] = keys[i] }
            end

            local threads_made = 0
            function setup(thread)
              threads_made = threads_made + 1
              thread:set("thread_number", threads_made)
            end

            function init(args)
              math.randomseed(os.time() * 1000 + thread_number)
            end

            function request()
              counter = counter + 1
              local user
              if history_users > 0 and sweep_threads > 0 then
                user = "bench-history-" .. ((counter - 1) * sweep_threads + thread_number - 1) % history_users + 1
              elseif history_users > 0 then
                user = "bench-history-" .. math.random(history_users)
              else
                user = run_tag .. "-" .. thread_number .. "-" .. counter
              end
              return wrk.format("POST", path, headers[counter % #keys + 1], prefix .. user .. suffix)
            end

            {{Done}}
            """;
    }

    private const string Done = """
        local function cpu_ticks()
          local file = io.open("/proc/self/stat", "r")
          if not file then return -1 end
          local stat = file:read("*a")
          file:close()
          local fields = {}
          for field in stat:match("%) (.*)$"):gmatch("%S+") do fields[#fields + 1] = field end
          return tonumber(fields[12]) + tonumber(fields[13])
        end

        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format('OVERHEAD-RESULT {"requests":%d,"duration_us":%d,"p50_us":%.0f,"p90_us":%.0f,"p99_us":%.0f,"status_errors":%d,"socket_errors":%d,"cpu_ticks":%d}\n',
            summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
            e.status, e.connect + e.read + e.write + e.timeout, cpu_ticks()))
        end
        """;

    /// <summary>A Lua long string: no escapes to get wrong, whatever the text holds.</summary>
    private static string Lua(string text)
    {
        var level = new StringBuilder();
        while (text.Contains("]" + level + "]", StringComparison.Ordinal))
        {
            level.Append('=');
        }

        return $"[{level}[{text}]{level}]";
    }
}
