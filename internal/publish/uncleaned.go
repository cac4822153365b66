package publish

import (
	"bytes"
	"encoding/binary"
	"path"
	"strings"
)

// Uncleaned returns the name of the picture format of data ("HEIC",
// "AVIF", "TIFF") when Process publishes the file name as it is, with its
// metadata, which can say where and when a photo was taken and with which
// camera: a format it cannot clean, or a JPEG, PNG, WebP or GIF under a
// name it does not clean ("photo.jpg.bak"). It returns "" for anything
// else. The format is told by content, not name, so a phone's HEIC photo
// renamed to .jpg is not mistaken for a JPEG here (stripping it as one
// fails, which is a problem of its own).
func Uncleaned(name string, data []byte) string {
	switch {
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		return isoPicture(data)
	case hasAnyPrefix(data, "II*\x00", "MM\x00*", "II+\x00", "MM\x00+"):
		return "TIFF" // and the camera raw files built on it: DNG, NEF, CR2, ARW
	case bytes.HasPrefix(data, []byte("\x00\x00\x00\x0cJXL \r\n\x87\n")):
		return "JPEG XL" // the container, which can hold Exif and XMP boxes
	case bytes.HasPrefix(data, []byte("\x00\x00\x00\x0cjP  \r\n\x87\n")):
		return "JPEG 2000"
	case bytes.HasPrefix(data, []byte("8BPS")):
		return "Photoshop"
	}
	if _, cleaned := strippers[strings.ToLower(path.Ext(name))]; cleaned {
		return ""
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return "JPEG"
	case bytes.HasPrefix(data, []byte(pngSignature)):
		return "PNG"
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "WebP"
	case hasAnyPrefix(data, "GIF87a", "GIF89a"):
		return "GIF"
	}
	return ""
}

// UncleanedVideo returns the name of the video format of data ("MP4",
// "QuickTime") when it is a video a phone or camera makes: Process
// publishes it as it is, and its metadata can say where and when it was
// filmed and with which phone (an MP4's or MOV's udta and meta boxes hold
// GPS). "" for anything else. Told by content, as Uncleaned is.
func UncleanedVideo(data []byte) string {
	if len(data) < 12 || string(data[4:8]) != "ftyp" || isoPicture(data) != "" {
		return ""
	}
	switch b := string(data[8:12]); {
	case b == "qt  ":
		return "QuickTime (.mov)"
	case strings.HasPrefix(b, "3g"):
		return "3GP"
	case b == "M4A " || b == "M4B ":
		return "" // sound only
	}
	return "MP4"
}

// isoPicture names the picture format of an ISO base media file by the
// brands of its ftyp box; "" for videos and other files of that family.
func isoPicture(data []byte) string {
	size := int(binary.BigEndian.Uint32(data))
	if size < 16 || size > len(data) {
		size = min(len(data), 16)
	}
	brands := []string{string(data[8:12])} // the major brand, then after the minor version the compatible ones
	for i := 16; i+4 <= size; i += 4 {
		brands = append(brands, string(data[i:i+4]))
	}
	format := ""
	for _, b := range brands {
		switch b {
		case "avif", "avis":
			return "AVIF"
		case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1":
			format = "HEIC"
		case "crx ":
			format = "Canon raw (CR3)"
		}
	}
	return format
}

func hasAnyPrefix(b []byte, prefixes ...string) bool {
	for _, p := range prefixes {
		if bytes.HasPrefix(b, []byte(p)) {
			return true
		}
	}
	return false
}
