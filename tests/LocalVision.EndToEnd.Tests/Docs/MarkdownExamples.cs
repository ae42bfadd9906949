using System.Text;
using System.Text.RegularExpressions;

namespace LocalVision.EndToEnd.Tests.Docs;

/// <summary>One command a markdown file shows, and what it shows it printing.</summary>
/// <param name="Line">The line of the file the command starts on.</param>
/// <param name="Shown">The output the file shows (a <c>…</c> line stands for any lines); null when it shows none.</param>
/// <param name="NotRun">Why the file says the command is not run (an HTML comment before its block), or null.</param>
public sealed record MarkdownExample(string File, int Line, string Command, IReadOnlyList<string>? Shown, string? NotRun)
{
    public override string ToString() => $"{File}:{Line}: {Command.Split('\n')[0]}";
}

/// <summary>
/// The examples of a markdown file, as its reader would type them. <c>```bash</c> blocks hold commands (a line ending
/// in <c>\</c> goes on, a heredoc runs to its end word, <c>#</c> lines are comments); <c>```console</c> blocks hold
/// <c>$ command</c> lines, each followed by the output it prints. Other blocks (<c>```sh</c> for commands of another
/// machine, JSON, plain text) are not examples. <c>&lt;!-- examples: not run, REASON --&gt;</c> just before a block keeps
/// its commands from running, with the reason said.
/// </summary>
public static partial class MarkdownExamples
{
    [GeneratedRegex(@"<<-?\s*['""]?(\w+)['""]?")]
    private static partial Regex Heredoc();

    [GeneratedRegex(@"^<!--\s*examples:\s*not run,?\s*(.*?)\s*-->$")]
    private static partial Regex NotRunMarker();

    public static IReadOnlyList<MarkdownExample> Parse(string file, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var examples = new List<MarkdownExample>();
        string? notRun = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (NotRunMarker().Match(line) is { Success: true } marker)
            {
                notRun = marker.Groups[1].Value.Length > 0 ? marker.Groups[1].Value : "the file says so";
                continue;
            }
            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                if (line.Length > 0)
                {
                    notRun = null;
                }
                continue;
            }
            var language = line[3..].Trim();
            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            if (end < 0)
            {
                throw new FormatException($"{file}:{i + 1}: a ``` block that never ends");
            }
            var body = lines[(i + 1)..end];
            if (language == "bash")
            {
                examples.AddRange(Commands(file, i + 2, body, notRun));
            }
            else if (language == "console")
            {
                examples.AddRange(Session(file, i + 2, body, notRun));
            }
            notRun = null;
            i = end;
        }
        return examples;
    }

    private static IEnumerable<MarkdownExample> Commands(string file, int firstLine, string[] body, string? notRun)
    {
        for (var i = 0; i < body.Length; i++)
        {
            var line = body[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var start = i;
            var command = new StringBuilder(line);
            while (line.EndsWith('\\') && i + 1 < body.Length)
            {
                line = body[++i];
                command.Append('\n').Append(line);
            }
            if (Heredoc().Match(command.ToString()) is { Success: true } heredoc)
            {
                var word = heredoc.Groups[1].Value;
                while (i + 1 < body.Length)
                {
                    command.Append('\n').Append(body[++i]);
                    if (body[i].Trim() == word)
                    {
                        break;
                    }
                }
            }
            yield return new MarkdownExample(file, firstLine + start, command.ToString(), null, notRun);
        }
    }

    private static IEnumerable<MarkdownExample> Session(string file, int firstLine, string[] body, string? notRun)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (!body[i].StartsWith("$ ", StringComparison.Ordinal))
            {
                throw new FormatException($"{file}:{firstLine + i}: a console block must start each command with `$ `");
            }
            var start = i;
            var command = new StringBuilder(body[i][2..]);
            while (command.ToString().EndsWith('\\') && i + 1 < body.Length)
            {
                command.Append('\n').Append(body[++i]);
            }
            var shown = new List<string>();
            while (i + 1 < body.Length && !body[i + 1].StartsWith("$ ", StringComparison.Ordinal))
            {
                shown.Add(body[++i].TrimEnd());
            }
            yield return new MarkdownExample(file, firstLine + start, command.ToString(), shown.Count > 0 ? shown : null, notRun);
        }
    }

    /// <summary>Whether the output is what was shown: line by line, trailing spaces aside, a <c>…</c> line standing for any lines.</summary>
    public static bool Matches(IReadOnlyList<string> shown, IReadOnlyList<string> output)
    {
        var actual = output.Select(l => l.TrimEnd()).ToList();
        while (actual.Count > 0 && actual[^1].Length == 0)
        {
            actual.RemoveAt(actual.Count - 1);
        }
        // matches[s, a]: shown[s..] matches actual[a..].
        var matches = new bool[shown.Count + 1, actual.Count + 1];
        matches[shown.Count, actual.Count] = true;
        for (var s = shown.Count - 1; s >= 0; s--)
        {
            for (var a = actual.Count; a >= 0; a--)
            {
                matches[s, a] = shown[s] == "…"
                    ? matches[s + 1, a] || (a < actual.Count && matches[s, a + 1])
                    : a < actual.Count && shown[s] == actual[a] && matches[s + 1, a + 1];
            }
        }
        return matches[0, 0];
    }
}
