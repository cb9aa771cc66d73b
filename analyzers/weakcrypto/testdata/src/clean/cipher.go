package clean

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rsa"
	"encoding/binary"
	"errors"
	"io"
)

func keys(bits int) {
	rsa.GenerateKey(rand.Reader, 2048)
	rsa.GenerateKey(rand.Reader, 4096)
	rsa.GenerateKey(rand.Reader, bits)

	// Set once, then raised: no single constant.
	size := 1024
	if bits > size {
		size = bits
	}
	rsa.GenerateKey(rand.Reader, size)
}

func cbcRandom(block cipher.Block, plaintext []byte) ([]byte, error) {
	out := make([]byte, aes.BlockSize+len(plaintext))
	iv := out[:aes.BlockSize]
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		return nil, err
	}
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out[aes.BlockSize:], plaintext)
	return out, nil
}

func ctrRandom(block cipher.Block, dst, src []byte) error {
	iv := make([]byte, 16)
	if _, err := rand.Read(iv); err != nil {
		return err
	}
	cipher.NewCTR(block, iv).XORKeyStream(dst, src)
	return nil
}

func arrayRandom(block cipher.Block, dst, src []byte) error {
	var iv [16]byte
	if _, err := io.ReadFull(rand.Reader, iv[:]); err != nil {
		return err
	}
	cipher.NewOFB(block, iv[:]).XORKeyStream(dst, src)
	return nil
}

func sealRandom(aead cipher.AEAD, pt []byte) ([]byte, error) {
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(pt)+aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return aead.Seal(nonce, nonce, pt, nil), nil
}

// A counter nonce never repeats under one key.
func sealCounter(aead cipher.AEAD, seq uint64, pt []byte) []byte {
	nonce := make([]byte, aead.NonceSize())
	binary.BigEndian.PutUint64(nonce[4:], seq)
	return aead.Seal(nil, nonce, pt, nil)
}

type conn struct {
	aead  cipher.AEAD
	nonce []byte
}

func (c *conn) seal(pt []byte) []byte {
	return c.aead.Seal(nil, c.nonce, pt, nil)
}

func sealParam(aead cipher.AEAD, nonce, pt []byte) []byte {
	return aead.Seal(nil, nonce, pt, nil)
}

// Decrypting legacy data with the IV it was written with is not where
// the fault lies.
func decryptLegacy(block cipher.Block, dst, src []byte) {
	iv := make([]byte, 16)
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(dst, src)
}

func openZero(aead cipher.AEAD, ct []byte) ([]byte, error) {
	return aead.Open(nil, make([]byte, aead.NonceSize()), ct, nil)
}

// A random IV filled inside a package-level variable's initializer.
var sessionIV = func() []byte {
	iv := make([]byte, 16)
	if _, err := rand.Read(iv); err != nil {
		panic(err)
	}
	return iv
}()

func globalRandom(block cipher.Block, dst, src []byte) {
	cipher.NewCBCEncrypter(block, sessionIV).CryptBlocks(dst, src)
}

// One block, as in a key check value.
func oneBlock(block cipher.Block) []byte {
	out := make([]byte, block.BlockSize())
	block.Encrypt(out, make([]byte, block.BlockSize()))
	return out
}

// CBC written by hand: the loop XORs before encrypting.
func handCBC(block cipher.Block, iv, dst, src []byte) {
	prev := iv
	for i := 0; i < len(src); i += aes.BlockSize {
		for j := range aes.BlockSize {
			dst[i+j] = src[i+j] ^ prev[j]
		}
		block.Encrypt(dst[i:i+aes.BlockSize], dst[i:i+aes.BlockSize])
		prev = dst[i : i+aes.BlockSize]
	}
}

// CTR written by hand: the counter block is encrypted, not the message.
func handCTR(block cipher.Block, ctr, dst, src []byte) {
	ks := make([]byte, 16)
	for i := 0; i < len(src); i += 16 {
		block.Encrypt(ks, ctr)
		binary.BigEndian.PutUint64(ctr[8:], binary.BigEndian.Uint64(ctr[8:])+1)
		for j := 0; j < 16 && i+j < len(src); j++ {
			dst[i+j] = src[i+j] ^ ks[j]
		}
	}
}

var errShort = errors.New("short")

// A Seal over nothing computes a tag of no data.
func prime(aead cipher.AEAD) {
	var zero [12]byte
	aead.Seal(nil, zero[:], nil, nil)
}

// Reslicing in a loop that also XORs is a mode written by hand.
func handCBCReslice(block cipher.Block, iv, dst, src []byte) {
	for len(src) > 0 {
		for j := range 16 {
			src[j] ^= iv[j]
		}
		block.Encrypt(dst, src[:16])
		iv = dst[:16]
		src, dst = src[16:], dst[16:]
	}
}

// A nil default is not a constant IV: the call would panic.
func nilDefault(block cipher.Block, iv, dst, src []byte) {
	var use []byte
	if len(iv) == 16 {
		use = iv
	}
	cipher.NewCBCEncrypter(block, use).CryptBlocks(dst, src)
}
