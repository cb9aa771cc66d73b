package a

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/dsa"
	"crypto/rand"
	"crypto/rc4"
	"crypto/rsa"
)

func ciphers(key []byte) {
	des.NewCipher(key)          // want `des\.NewCipher uses DES, a broken 56-bit cipher; use AES-GCM or ChaCha20-Poly1305`
	des.NewTripleDESCipher(key) // want `des\.NewTripleDESCipher uses Triple DES, a 64-bit block cipher open to Sweet32`
	rc4.NewCipher(key)          // want `rc4\.NewCipher uses RC4, a broken stream cipher`
}

const keyBits = 1024

func keys() {
	rsa.GenerateKey(rand.Reader, keyBits)                   // want `rsa\.GenerateKey with a 1024-bit key; use at least 2048 bits`
	rsa.GenerateMultiPrimeKey(rand.Reader, 3, 1536)         // want `rsa\.GenerateMultiPrimeKey with a 1536-bit key`
	dsa.GenerateParameters(nil, rand.Reader, dsa.L1024N160) // want `dsa\.GenerateParameters with 1024-bit L1024N160 parameters; DSA is deprecated`

	// A size held in a variable set once is as constant.
	bits := 1024
	rsa.GenerateKey(rand.Reader, bits) // want `rsa\.GenerateKey with a 1024-bit key`
}

func ecb(block cipher.Block, src []byte) []byte {
	dst := make([]byte, len(src))
	bs := block.BlockSize()
	for i := 0; i < len(src); i += bs {
		block.Encrypt(dst[i:i+bs], src[i:i+bs]) // want `Block\.Encrypt applied block by block over a message is ECB mode`
	}
	return dst
}

func ecbPair(key, src []byte) []byte {
	block, _ := aes.NewCipher(key)
	dst := make([]byte, len(src))
	for bs, be := 0, aes.BlockSize; bs < len(src); bs, be = bs+aes.BlockSize, be+aes.BlockSize {
		block.Encrypt(dst[bs:be], src[bs:be]) // want `ECB mode`
	}
	return dst
}

func ecbRange(block cipher.Block, src []byte) []byte {
	dst := make([]byte, len(src))
	for n := range len(src) / 16 {
		block.Encrypt(dst[n*16:], src[n*16:]) // want `ECB mode`
	}
	return dst
}

type blockCipher struct {
	newBlock func([]byte) (cipher.Block, error)
}

var tripleDESCBC = blockCipher{newBlock: des.NewTripleDESCipher} // want `des\.NewTripleDESCipher uses Triple DES`

type ecbEncrypter struct {
	b         cipher.Block
	blockSize int
}

func (x *ecbEncrypter) CryptBlocks(dst, src []byte) {
	for len(src) > 0 {
		x.b.Encrypt(dst, src[:x.blockSize]) // want `ECB mode`
		src = src[x.blockSize:]
		dst = dst[x.blockSize:]
	}
}
