package a

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/hex"

	"golang.org/x/crypto/chacha20"
)

func zeroMake(block cipher.Block, dst, src []byte) {
	iv := make([]byte, aes.BlockSize)
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(dst, src) // want `cipher\.NewCBCEncrypter with an all-zero IV; use a fresh random IV for every message`
}

func zeroArray(block cipher.Block, dst, src []byte) {
	var iv [16]byte
	cipher.NewCTR(block, iv[:]).XORKeyStream(dst, src) // want `cipher\.NewCTR with an all-zero IV`
}

func zeroLit(block cipher.Block, dst, src []byte) {
	iv := [16]byte{}
	cipher.NewOFB(block, iv[:]).XORKeyStream(dst, src) // want `cipher\.NewOFB with an all-zero IV`
}

func literal(block cipher.Block, dst, src []byte) {
	iv := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	cipher.NewCFBEncrypter(block, iv).XORKeyStream(dst, src) // want `cipher\.NewCFBEncrypter with a constant IV`
}

func fromString(block cipher.Block, dst, src []byte) {
	cipher.NewCBCEncrypter(block, []byte("0123456789abcdef")).CryptBlocks(dst, src) // want `with a constant IV`
}

func fromHex(block cipher.Block, dst, src []byte) {
	iv, _ := hex.DecodeString("000102030405060708090a0b0c0d0e0f")
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(dst, src) // want `with a constant IV`
}

var fixedIV = []byte("fedcba9876543210")

func global(block cipher.Block, dst, src []byte) {
	cipher.NewCBCEncrypter(block, fixedIV).CryptBlocks(dst, src) // want `with a constant IV`
}

var zeroIV [aes.BlockSize]byte

func globalArray(block cipher.Block, dst, src []byte) {
	cipher.NewCBCEncrypter(block, zeroIV[:]).CryptBlocks(dst, src) // want `with an all-zero IV`
}

func sealZero(aead cipher.AEAD, pt []byte) []byte {
	nonce := make([]byte, aead.NonceSize())
	return aead.Seal(nil, nonce, pt, nil) // want `AEAD\.Seal with an all-zero nonce; a nonce repeated under one key breaks the cipher`
}

func sealSelf(aead cipher.AEAD, pt []byte) []byte {
	nonce := make([]byte, 12)
	return aead.Seal(nonce, nonce, pt, nil) // want `AEAD\.Seal with an all-zero nonce`
}

func stream(key []byte) {
	chacha20.NewUnauthenticatedCipher(key, []byte("twelve bytes")) // want `chacha20\.NewUnauthenticatedCipher with a constant nonce`
}

// Both sides use the constant IV; only the encrypting one is reported.
func roundTrip(block cipher.Block, dst, src []byte) {
	iv := make([]byte, 16)
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(dst, src) // want `with an all-zero IV`
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(src, dst)
}

const defaultIV = "0000000000000000"

// A constant used when the caller gives no IV is a constant IV.
func withDefault(block cipher.Block, iv, dst, src []byte) {
	if len(iv) == 0 {
		iv = []byte(defaultIV)
	}
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(dst, src) // want `with a constant IV`
}
