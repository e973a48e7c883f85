using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Vigil.Core.Events;

namespace Vigil.Ingest.Parsers.Json;

/// <summary>
/// Flat names for Windows events as <c>evtx_dump -o json/jsonl</c> (omerbenamram/evtx) writes them, matching the names of
/// python-evtx based flat exports:
/// <list type="bullet">
/// <item><c>System</c> children by their own name (<c>EventID</c>, <c>Channel</c>, <c>Computer</c>...); an element's
/// <c>#text</c> under the element name and its attributes as <c>Element_Attribute</c> (<c>EventID_Qualifiers</c>,
/// <c>Provider_Name</c>, <c>Provider_Guid</c>); except <c>TimeCreated.SystemTime</c> → <c>TimeCreated</c>, and the
/// attributes of <c>Execution</c>, <c>Security</c>, <c>Correlation</c> by their own name (<c>ProcessID</c>,
/// <c>ThreadID</c>, <c>UserID</c>, <c>ActivityID</c>, <c>RelatedActivityID</c>). Empty (null) System elements are left out.</item>
/// <item><c>EventData</c> children by their own name; <c>Data</c> elements with a <c>Name</c> attribute
/// (<c>{"#attributes": {"Name": "X"}, "#text": "v"}</c>) as field <c>X</c>; unnamed <c>Data</c> values both as
/// <c>Data</c> and as <c>Data0</c>, <c>Data1</c>... in order.</item>
/// <item><c>UserData.&lt;Wrapper&gt;.&lt;Field&gt;</c> → <c>Field</c> (deeper levels dotted from there).</item>
/// <item>Other children of <c>Event</c> (<c>RenderingInfo</c>...) by dotted name from the child. <c>--separate-json-attributes</c>
/// output (<c>Element_attributes</c> objects) gets the same names.</item>
/// </list>
/// </summary>
internal sealed partial class JsonFlattener
{
    private const string AttributesSuffix = "_attributes";

    private char[]? _dataText;
    private int _unnamedData;

    private enum Scope
    {
        /// <summary>A child of System: null elements are left out, some attributes go by their own name.</summary>
        System,

        /// <summary>Event data: null elements are kept as Null values.</summary>
        Data,
    }

    /// <summary>Tells an evtx_dump <c>Event</c> object from any other by its first member.</summary>
    private static bool IsEvtxEvent(Utf8JsonReader peek)
    {
        // The reader is a copy: looking ahead does not move the caller's reader.
        return peek.Read() && peek.TokenType == JsonTokenType.PropertyName
            && (peek.ValueTextEquals("#attributes"u8) || peek.ValueTextEquals("System"u8)
                || peek.ValueTextEquals("EventData"u8) || peek.ValueTextEquals("UserData"u8));
    }

    private void FlattenEvtxEvent(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("#attributes"u8))
            {
                reader.Read();
                reader.Skip();
            }
            else if (reader.ValueTextEquals("System"u8))
            {
                reader.Read();
                FlattenChildren(ref reader, Scope.System);
            }
            else if (reader.ValueTextEquals("EventData"u8))
            {
                reader.Read();
                FlattenChildren(ref reader, Scope.Data);
            }
            else if (reader.ValueTextEquals("UserData"u8))
            {
                reader.Read();
                FlattenUserData(ref reader);
            }
            else
            {
                var length = ReadName(ref reader, 0);
                reader.Read();
                FlattenElement(ref reader, length, Scope.Data);
            }
        }
    }

    /// <summary>Flattens the children of System or EventData, each by its own name.</summary>
    private void FlattenChildren(ref Utf8JsonReader reader, Scope scope)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // EventData as a plain value (or null): nothing named to add.
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("#attributes"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (scope == Scope.Data && reader.ValueTextEquals("Data"u8))
            {
                reader.Read();
                FlattenData(ref reader);
                continue;
            }

            FlattenChild(ref reader, 0, scope);
        }
    }

    /// <summary>UserData holds one wrapper element whose children are the fields.</summary>
    private void FlattenUserData(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("#attributes"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            var length = ReadName(ref reader, 0);
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                FlattenChildren(ref reader, Scope.Data);
            }
            else
            {
                FlattenElement(ref reader, length, Scope.Data);
            }
        }
    }

    /// <summary>Reads the property the reader stands on into <c>_name[at..]</c> and flattens its value as an element.</summary>
    private void FlattenChild(ref Utf8JsonReader reader, int at, Scope scope)
    {
        var end = ReadName(ref reader, at);
        reader.Read();
        var name = _name.AsSpan(at, end - at);
        if (reader.TokenType == JsonTokenType.StartObject && name.EndsWith(AttributesSuffix, StringComparison.Ordinal))
        {
            FlattenAttributes(ref reader, end - AttributesSuffix.Length, scope);
        }
        else
        {
            FlattenElement(ref reader, end, scope);
        }
    }

    /// <summary>Flattens an XML element rendered as JSON: a scalar, an array of repeated elements, or an object with <c>#text</c>, <c>#attributes</c> and children.</summary>
    private void FlattenElement(ref Utf8JsonReader reader, int nameLength, Scope scope)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null when scope == Scope.System:
                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    FlattenElement(ref reader, nameLength, scope);
                }

                break;
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("#text"u8))
                    {
                        reader.Read();
                        FlattenValue(ref reader, nameLength);
                    }
                    else if (reader.ValueTextEquals("#attributes"u8))
                    {
                        reader.Read();
                        FlattenAttributes(ref reader, nameLength, scope);
                    }
                    else
                    {
                        EnsureName(nameLength + 1);
                        _name[nameLength] = '.';
                        FlattenChild(ref reader, nameLength + 1, Scope.Data);
                    }
                }

                break;
            default:
                AddScalar(ref reader, 0, nameLength);
                break;
        }
    }

    /// <summary>Adds the attributes of the element named <c>_name[..elementLength]</c>.</summary>
    private void FlattenAttributes(ref Utf8JsonReader reader, int elementLength, Scope scope)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        var element = _name.AsSpan(0, elementLength);
        var bare = scope == Scope.System && (element is "Execution" or "Security" or "Correlation");
        var timeCreated = scope == Scope.System && element is "TimeCreated";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            EnsureName(elementLength + 1);
            _name[elementLength] = '_';
            var end = ReadName(ref reader, elementLength + 1);
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            if (timeCreated && _name.AsSpan(elementLength + 1, end - elementLength - 1) is "SystemTime")
            {
                AddScalar(ref reader, 0, elementLength);
            }
            else
            {
                AddScalar(ref reader, bare ? elementLength + 1 : 0, end);
            }
        }
    }

    /// <summary>Flattens the value of an EventData <c>Data</c> member: one element or an array of them.</summary>
    private void FlattenData(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            FlattenDataItem(ref reader);
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            FlattenDataItem(ref reader);
        }
    }

    /// <summary>One <c>Data</c> element: <c>{"#attributes": {"Name": "X"}, "#text": v}</c> (members in any order) gives field X; anything else is unnamed.</summary>
    private void FlattenDataItem(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            AddUnnamedData(ref reader);
            return;
        }

        var nameLength = -1;
        var textLength = -1;
        var textKind = FieldValueKind.Null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("#attributes"u8))
            {
                reader.Read();
                nameLength = ReadDataName(ref reader, nameLength);
            }
            else if (reader.ValueTextEquals("#text"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    // evtx_dump renders several unnamed Data elements as one Data with an array of texts.
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        AddUnnamedData(ref reader);
                    }
                }
                else
                {
                    textLength = ReadDataText(ref reader, out textKind);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var text = textLength < 0 ? [] : _dataText.AsSpan(0, textLength);
        if (nameLength >= 0)
        {
            _record.Add(_name.AsSpan(0, nameLength), text, textLength < 0 ? FieldValueKind.Null : textKind);
        }
        else if (textLength >= 0)
        {
            AddUnnamedData(text, textKind);
        }
    }

    /// <summary>Reads the Name attribute of a Data element into <c>_name</c>; returns its length, or <paramref name="current"/> without one.</summary>
    private int ReadDataName(ref Utf8JsonReader reader, int current)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return current;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals("Name"u8);
            reader.Read();
            if (isName && reader.TokenType == JsonTokenType.String)
            {
                EnsureName(reader.ValueSpan.Length + 1);
                current = DecodeString(ref reader, ref _name, 0);
            }
            else
            {
                reader.Skip();
            }
        }

        return current;
    }

    /// <summary>Keeps the scalar #text of a Data element aside until its name is known; returns its length, or -1 for non-scalars.</summary>
    private int ReadDataText(ref Utf8JsonReader reader, out FieldValueKind kind)
    {
        kind = reader.TokenType switch
        {
            JsonTokenType.String => FieldValueKind.String,
            JsonTokenType.Number => FieldValueKind.Number,
            JsonTokenType.True => FieldValueKind.True,
            JsonTokenType.False => FieldValueKind.False,
            _ => FieldValueKind.Null,
        };
        _dataText ??= ArrayPool<char>.Shared.Rent(InitialNameChars);
        switch (reader.TokenType)
        {
            case JsonTokenType.String or JsonTokenType.Number:
                return DecodeString(ref reader, ref _dataText, 0);
            case JsonTokenType.True:
                "true".CopyTo(_dataText);
                return 4;
            case JsonTokenType.False:
                "false".CopyTo(_dataText);
                return 5;
            case JsonTokenType.Null:
                return 0;
            default:
                reader.Skip();
                return -1;
        }
    }

    private void AddUnnamedData(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        var length = ReadDataText(ref reader, out var kind);
        AddUnnamedData(_dataText.AsSpan(0, length), kind);
    }

    private void AddUnnamedData(ReadOnlySpan<char> value, FieldValueKind kind)
    {
        Span<char> indexed = stackalloc char[16];
        "Data".CopyTo(indexed);
        _unnamedData.TryFormat(indexed[4..], out var digits, provider: CultureInfo.InvariantCulture);
        _unnamedData++;
        _record.Add("Data", value, kind);
        _record.Add(indexed[..(4 + digits)], value, kind);
    }

    private void ReturnDataBuffer()
    {
        if (_dataText is not null)
        {
            ArrayPool<char>.Shared.Return(_dataText);
            _dataText = null;
        }
    }
}
