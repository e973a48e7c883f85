using System.Runtime.CompilerServices;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>
/// Compiled templates: the first time a chunk uses a template definition, the token interpreter walks its body once in
/// recording mode, and instead of calling the field writer it appends the calls it would make to a flat plan (element
/// starts and attributes with their names, static text, element ends, and "substitution #i" slots). Each record using the
/// template then only reads its substitution descriptors and runs the plan: the template's tokens are not decoded again.
/// The plan makes exactly the writer calls the interpreter would, in the same order, and charges the same token budget
/// (so hostile files fail the same way, with the same message). A template the plan cannot express (one that holds a
/// template instance, or does not parse) is left to the interpreter, as is an instance nested so deep that the
/// interpreter would stop at the nesting limit. Binary XML values substituted into a template are interpreted as before.
/// </summary>
internal sealed partial class EvtxChunkParser
{
    private PlanOp[] _ops = new PlanOp[1024];
    private int _opCount;
    private char[] _planChars = new char[8192];
    private int _planCharCount;
    private bool _recording;
    private int _recordNest;
    private int _recordBudget;

    private enum PlanCode : byte
    {
        /// <summary>Charges its cost only (tokens that write nothing).</summary>
        Nop,

        /// <summary>Opens the element named by the op.</summary>
        Start,

        /// <summary>An attribute with static text.</summary>
        Attr,

        /// <summary>An attribute whose value is exactly one substitution.</summary>
        AttrSub,

        /// <summary>Starts an attribute value made of several parts.</summary>
        AttrBegin,

        /// <summary>Static text in an attribute value.</summary>
        AttrText,

        /// <summary>A substitution in an attribute value.</summary>
        AttrSubPart,

        /// <summary>Ends an attribute value made of several parts: writes the attribute.</summary>
        AttrEnd,

        /// <summary>Static element content.</summary>
        Text,

        /// <summary>A substitution as element content.</summary>
        Sub,

        /// <summary>Closes the element opened last.</summary>
        End,
    }

    private void ResetPlans()
    {
        _opCount = 0;
        _planCharCount = 0;
    }

    /// <summary>Compiles the template at <paramref name="defOffset"/> (already checked to lie inside the chunk).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Template Compile(int defOffset, int dataSize)
    {
        var firstOp = _opCount;
        var firstChar = _planCharCount;
        var budget = _budget;
        _recording = true;
        _recordNest = 0;
        _budget = int.MaxValue;
        _recordBudget = int.MaxValue;
        try
        {
            var body = defOffset + TemplateHeaderSize;
            ParseContent(ref body, body + dataSize, 0, 0, 1);
            if (_recordBudget != _budget)
            {
                Emit(PlanCode.Nop, []);
            }

            return new Template(defOffset, dataSize, firstOp, _opCount - firstOp, _recordNest);
        }
        catch (InvalidDataException)
        {
            // The interpreter will run into the same problem, for each record, and report it.
            _opCount = firstOp;
            _planCharCount = firstChar;
            return new Template(defOffset, dataSize, -1, 0, 0);
        }
        finally
        {
            _recording = false;
            _budget = budget;
            _attrLength = 0;
        }
    }

    /// <summary>Runs the plan of <paramref name="template"/> for an instance at nesting <paramref name="nest"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunPlan(in Template template, int subs, int subCount, int nest)
    {
        // Nested instances (in substituted binary XML) may compile more templates and grow these arrays: the ops of
        // this plan stay where they are in the arrays held here.
        var ops = _ops;
        var chars = _planChars;
        var omitted = false;
        var end = template.PlanStart + template.PlanCount;
        for (var i = template.PlanStart; i < end; i++)
        {
            ref readonly var op = ref ops[i];
            _budget -= op.Cost;
            if (_budget < 0)
            {
                throw new InvalidDataException(op.Code is PlanCode.Attr or PlanCode.AttrSub or PlanCode.AttrBegin
                    ? "binary XML expands to too many tokens"
                    : "binary XML expands to too many tokens (cyclic templates?)");
            }

            switch (op.Code)
            {
                case PlanCode.Start:
                    _writer.StartElement(chars.AsSpan(op.NameStart, op.NameLength));
                    break;
                case PlanCode.Attr:
                    _writer.Attribute(chars.AsSpan(op.NameStart, op.NameLength), chars.AsSpan(op.TextStart, op.TextLength));
                    break;
                case PlanCode.AttrSub:
                    _attrLength = 0;
                    omitted = AppendAttributeSubstitution(op.Optional, op.Index, subs, subCount);
                    if (!omitted || _attrLength > 0)
                    {
                        _writer.Attribute(chars.AsSpan(op.NameStart, op.NameLength), _attr.AsSpan(0, _attrLength));
                    }

                    break;
                case PlanCode.AttrBegin:
                    _attrLength = 0;
                    omitted = false;
                    break;
                case PlanCode.AttrText:
                    AppendAttr(chars.AsSpan(op.TextStart, op.TextLength));
                    break;
                case PlanCode.AttrSubPart:
                    omitted |= AppendAttributeSubstitution(op.Optional, op.Index, subs, subCount);
                    break;
                case PlanCode.AttrEnd:
                    if (!omitted || _attrLength > 0)
                    {
                        _writer.Attribute(chars.AsSpan(op.NameStart, op.NameLength), _attr.AsSpan(0, _attrLength));
                    }

                    break;
                case PlanCode.Text:
                    _writer.Text(chars.AsSpan(op.TextStart, op.TextLength));
                    break;
                case PlanCode.Sub:
                    Substitute(op.Optional, op.Index, subs, subCount, nest + op.Nest);
                    break;
                case PlanCode.End:
                    _writer.EndElement();
                    break;
            }
        }
    }

    /// <summary>Records a substitution token in element content (recording mode).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RecordSubstitution(ref int pos, int nest)
    {
        var optional = Chunk[pos] == 0x0e;
        var index = U16(pos + 1);
        Need(pos, 4);
        pos += 4;
        ref var op = ref Emit(PlanCode.Sub, []);
        op.Optional = optional;
        op.Index = index;
        op.Nest = nest;
    }

    /// <summary>Records an attribute whose name was just read, with its value tokens (recording mode).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RecordAttribute(ReadOnlySpan<char> name, ref int pos, int end)
    {
        var first = _opCount;
        ref var begin = ref Emit(PlanCode.AttrBegin, name);
        (begin.NameStart, begin.NameLength) = (begin.TextStart, begin.TextLength);
        var nameStart = begin.NameStart;
        var partChars = _planCharCount;
        var parts = 0;
        var substitutions = 0;
        _attrLength = 0;
        while (pos < end && (Chunk[pos] & 0xbf) is 0x05 or 0x07 or 0x08 or 0x09 or 0x0d or 0x0e)
        {
            parts++;
            if ((Chunk[pos] & 0xbf) is 0x0d or 0x0e)
            {
                var optional = Chunk[pos] == 0x0e;
                var index = U16(pos + 1);
                Need(pos, 4);
                pos += 4;
                ref var part = ref Emit(PlanCode.AttrSubPart, []);
                part.Optional = optional;
                part.Index = index;
                substitutions++;
            }
            else
            {
                var mark = _attrLength;
                AppendTextToken(ref pos, end);
                Emit(PlanCode.AttrText, _attr.AsSpan(mark, _attrLength - mark));
            }
        }

        if (substitutions == 0)
        {
            // Static text only: one attribute with the text joined.
            _opCount = first + 1;
            _planCharCount = partChars;
            ref var attr = ref _ops[first];
            attr.Code = PlanCode.Attr;
            attr.TextStart = AddPlanChars(_attr.AsSpan(0, _attrLength));
            attr.TextLength = _attrLength;
        }
        else if (parts == 1)
        {
            var single = _ops[first + 1];
            _opCount = first + 1;
            ref var attr = ref _ops[first];
            attr.Code = PlanCode.AttrSub;
            attr.Optional = single.Optional;
            attr.Index = single.Index;
        }
        else
        {
            ref var close = ref Emit(PlanCode.AttrEnd, []);
            close.NameStart = nameStart;
            close.NameLength = name.Length;
        }

        _attrLength = 0;
    }

    /// <summary>Appends an op (recording mode) charged with the tokens read since the previous op; its text is copied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ref PlanOp Emit(PlanCode code, ReadOnlySpan<char> text)
    {
        if (_opCount == _ops.Length)
        {
            Array.Resize(ref _ops, _ops.Length * 2);
        }

        ref var op = ref _ops[_opCount++];
        op = new PlanOp
        {
            Code = code,
            Cost = _recordBudget - _budget,
            NameStart = code == PlanCode.Start ? AddPlanChars(text) : 0,
            NameLength = code == PlanCode.Start ? text.Length : 0,
            TextStart = code == PlanCode.Start ? 0 : AddPlanChars(text),
            TextLength = code == PlanCode.Start ? 0 : text.Length,
        };
        _recordBudget = _budget;
        return ref op;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int AddPlanChars(ReadOnlySpan<char> text)
    {
        if (_planCharCount + text.Length > _planChars.Length)
        {
            Array.Resize(ref _planChars, Math.Max(_planCharCount + text.Length, _planChars.Length * 2));
        }

        var start = _planCharCount;
        text.CopyTo(_planChars.AsSpan(start));
        _planCharCount += text.Length;
        return start;
    }

    /// <summary>A template definition of the chunk: its offset, body size and plan (<see cref="PlanStart"/> -1 when it has none).</summary>
    private readonly record struct Template(int DefOffset, int DataSize, int PlanStart, int PlanCount, int PlanNest);

    /// <summary>One writer call of a plan, with the token budget it charges first.</summary>
    private struct PlanOp
    {
        public int Cost;
        public int NameStart;
        public int NameLength;
        public int TextStart;
        public int TextLength;
        public int Nest;
        public ushort Index;
        public PlanCode Code;
        public bool Optional;
    }
}
