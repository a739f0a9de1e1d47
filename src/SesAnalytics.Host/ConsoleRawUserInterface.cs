using System.Management.Automation.Host;

namespace SesAnalytics.Host;

/// <summary>Just enough of a raw console for the formatter: its width decides how tables are laid out.</summary>
internal sealed class ConsoleRawUserInterface : PSHostRawUserInterface
{
    private const int RedirectedWidth = 120;

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override Size BufferSize
    {
        get => new(Width(), 9999);
        set { }
    }

    public override Coordinates CursorPosition { get; set; }

    public override int CursorSize { get; set; } = 25;

    public override bool KeyAvailable => !Console.IsInputRedirected && Console.KeyAvailable;

    public override Size MaxPhysicalWindowSize => new(Width(), 9999);

    public override Size MaxWindowSize => new(Width(), 9999);

    public override Coordinates WindowPosition { get; set; }

    public override Size WindowSize
    {
        get => new(Width(), Height());
        set { }
    }

    public override string WindowTitle { get; set; } = "SesAnalytics";

    public override void FlushInputBuffer()
    {
    }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) =>
        throw new NotSupportedException("SesAnalytics.Host cannot read the screen buffer.");

    public override KeyInfo ReadKey(ReadKeyOptions options)
    {
        ConsoleKeyInfo key = Console.ReadKey((options & ReadKeyOptions.NoEcho) != 0);
        return new KeyInfo((int)key.Key, key.KeyChar, default, keyDown: true);
    }

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill)
    {
    }

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents)
    {
    }

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
    {
    }

    private static int Width()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns) && columns > 0)
        {
            return columns;
        }

        if (Console.IsOutputRedirected)
        {
            return RedirectedWidth;
        }

        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : RedirectedWidth;
        }
        catch (IOException)
        {
            return RedirectedWidth;
        }
    }

    private static int Height()
    {
        try
        {
            return Console.IsOutputRedirected ? 50 : Math.Max(Console.WindowHeight, 1);
        }
        catch (IOException)
        {
            return 50;
        }
    }
}
