using NewsMiner.Mining.Classification;
using NewsMiner.Tests.Cli;
using NewsMiner.Tests.Support;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

public class TrainCommandTests
{
    [Fact]
    public async Task Train_runs_on_the_mini_set_and_is_reproducible()
    {
        using var dir = new TempDir();
        var data = dir.File("data");
        Directory.CreateDirectory(data);
        File.Copy(MiniMentions.File, Path.Combine(data, "mini.jsonl"));
        var first = dir.File("first.zip");
        var second = dir.File("second.zip");

        var r = await CliRunner.RunAsync("train", "--data", data, "--out", first, "--folds", "5");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("5-fold cross-validation", r.Out);
        // Every candidate trainer is cross-validated and one is chosen.
        Assert.Contains("lbfgs     5-fold grouped macro-F1", r.Out);
        Assert.Contains("sdca      5-fold grouped macro-F1", r.Out);
        Assert.Contains("lightgbm  5-fold grouped macro-F1", r.Out);
        Assert.Matches("chosen: (lbfgs|sdca|lightgbm)", r.Out);
        Assert.Contains("new_members_target", r.Out);
        Assert.True(File.Exists(first));
        Assert.False(File.Exists(first + ".tmp"));
        var model = MentionModel.Load(File.OpenRead(first), [MentionFeaturizer.Default]);
        Assert.Contains(MentionLabels.None, model.Labels);
        var chosen = System.Text.RegularExpressions.Regex.Match(r.Out, "chosen: ([a-z]+)").Groups[1].Value;
        Assert.Equal(chosen, model.Trainer);

        var again = await CliRunner.RunAsync("train", "--data", data, "--out", second, "--folds", "0", "--trainer", chosen);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("cross-validation", again.Out);
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
    }

    [Theory]
    [InlineData("--data", "no-such-folder", "no such folder")]
    [InlineData("--folds", "1", "--folds 1")]
    [InlineData("--l2", "-1", "--l2")]
    [InlineData("--trainer", "svm", "--trainer svm")]
    public async Task Bad_input_is_one_line_and_exit_2(string option, string value, string message)
    {
        using var dir = new TempDir();
        var args = new List<string> { "train", "--out", dir.File("m.zip") };
        if (option != "--data") args.AddRange(["--data", MiniMentions.Folder]);
        args.AddRange([option, option == "--data" ? dir.File(value) : value]);
        var r = await CliRunner.RunAsync([.. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains(message, r.Error);
        Assert.False(File.Exists(dir.File("m.zip")));
    }

    [Fact]
    public async Task A_bad_data_line_is_named()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("bad.jsonl"), "{\"text\":\"Huyện có 5 chi bộ.\",\"mention\":\"5\",\"label\":\"cells\"}\n");
        var r = await CliRunner.RunAsync("train", "--data", dir.Path, "--out", dir.File("m.zip"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.jsonl:1", r.Error);
    }

    [Fact]
    public async Task Train_has_help()
    {
        var r = await CliRunner.RunAsync("train", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--data", r.Out);
        Assert.Contains("--folds", r.Out);
    }
}
